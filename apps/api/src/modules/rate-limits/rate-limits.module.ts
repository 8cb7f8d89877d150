import { Module } from '@nestjs/common';

import { RateLimitHousekeeping } from './rate-limit.housekeeping';
import { RateLimitRepository } from './rate-limit.repository';
import { RateLimiter } from './rate-limiter';

/** Fixed-window request limits shared by every api process through the database. */
@Module({
  providers: [RateLimitRepository, RateLimiter, RateLimitHousekeeping],
  exports: [RateLimiter],
})
export class RateLimitsModule {}
