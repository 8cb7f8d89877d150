import { Module } from '@nestjs/common';

import { StaffModule } from '../staff/staff.module';
import { ApiTokenMiddleware } from './api-token.middleware';
import { ApiTokenRepository } from './api-token.repository';
import { ApiTokensController } from './api-tokens.controller';
import { ApiTokensService } from './api-tokens.service';

/** Tokens for integrations: made and revoked by administrators, checked on every request that sends one. */
@Module({
  imports: [StaffModule],
  controllers: [ApiTokensController],
  providers: [ApiTokenRepository, ApiTokensService, ApiTokenMiddleware],
  exports: [ApiTokenMiddleware],
})
export class ApiTokensModule {}
