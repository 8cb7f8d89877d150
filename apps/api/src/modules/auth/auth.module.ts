import { Module } from '@nestjs/common';

import { CredentialsModule } from '../credentials/credentials.module';
import { StaffModule } from '../staff/staff.module';
import { AuthCoreModule } from './auth-core.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LocalSignInGuard } from './local-sign-in.guard';
import { SessionSerializer } from './session.serializer';
import { StaffAuthenticator } from './staff-authenticator';
import { SessionTimeoutMiddleware } from './session-timeout.middleware';

@Module({
  imports: [AuthCoreModule, CredentialsModule, StaffModule],
  controllers: [AuthController],
  providers: [AuthService, SessionSerializer, StaffAuthenticator, LocalSignInGuard, SessionTimeoutMiddleware],
  exports: [SessionTimeoutMiddleware, StaffAuthenticator],
})
export class AuthModule {}
