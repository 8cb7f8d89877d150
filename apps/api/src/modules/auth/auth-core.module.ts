import { Module } from '@nestjs/common';

import { AuthHousekeepingService } from './auth-housekeeping.service';
import { PasswordHasher } from './password-hasher';
import { SessionRepository } from './session.repository';
import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { SignInThrottleService } from './sign-in-throttle.service';

/** What staff management needs from auth (hashing, throttle, sessions) without the sign-in flow. */
@Module({
  providers: [
    PasswordHasher,
    SignInThrottleRepository,
    SignInThrottleService,
    SessionRepository,
    AuthHousekeepingService,
  ],
  exports: [PasswordHasher, SignInThrottleRepository, SignInThrottleService, SessionRepository],
})
export class AuthCoreModule {}
