import { Module } from '@nestjs/common';

import { AuthHousekeepingService } from './auth-housekeeping.service';
import { PasswordHasher } from './password-hasher';
import { StaffSessionCookie } from './staff-session-cookie';
import { StaffSessionRepository } from './staff-session.repository';
import { StaffSessionService } from './staff-session.service';
import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { SignInThrottleService } from './sign-in-throttle.service';

/** What staff management needs from auth (hashing, throttle, sessions) without the sign-in flow. */
@Module({
  providers: [
    PasswordHasher,
    SignInThrottleRepository,
    SignInThrottleService,
    StaffSessionRepository,
    StaffSessionService,
    StaffSessionCookie,
    AuthHousekeepingService,
  ],
  exports: [
    PasswordHasher,
    SignInThrottleRepository,
    SignInThrottleService,
    StaffSessionRepository,
    StaffSessionService,
    StaffSessionCookie,
  ],
})
export class AuthCoreModule {}
