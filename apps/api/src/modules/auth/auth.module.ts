import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';

import { StaffModule } from '../staff/staff.module';
import { AuthCoreModule } from './auth-core.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LocalSignInGuard } from './local-sign-in.guard';
import { LocalStrategy } from './local.strategy';
import { SessionSerializer } from './session.serializer';
import { SessionTimeoutMiddleware } from './session-timeout.middleware';

@Module({
  imports: [PassportModule.register({ session: true }), AuthCoreModule, StaffModule],
  controllers: [AuthController],
  providers: [AuthService, LocalStrategy, SessionSerializer, LocalSignInGuard, SessionTimeoutMiddleware],
  exports: [SessionTimeoutMiddleware],
})
export class AuthModule {}
