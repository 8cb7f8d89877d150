import { Module } from '@nestjs/common';

import { CredentialsModule } from '../credentials/credentials.module';
import { StaffModule } from '../staff/staff.module';
import { AuthCoreModule } from './auth-core.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { MeSessionsController } from './me-sessions.controller';
import { MeTwoFactorController } from './me-two-factor.controller';
import { StaffAuthenticator } from './staff-authenticator';
import { StaffSessionMiddleware } from './staff-session.middleware';

@Module({
  imports: [AuthCoreModule, CredentialsModule, StaffModule, TwoFactorModule],
  controllers: [AuthController, MeTwoFactorController, MeSessionsController],
  providers: [AuthService, StaffAuthenticator, StaffSessionMiddleware],
  exports: [StaffSessionMiddleware],
})
export class AuthModule {}
