import { Module } from '@nestjs/common';

import { AssuranceModule } from '../assurance/assurance.module';
import { AuthCoreModule } from '../auth/auth-core.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { StaffModule } from '../staff/staff.module';
import { PasskeyService } from './passkey.service';
import { StaffTwoFactorController } from './staff-two-factor.controller';
import { TwoFactorRepository } from './two-factor.repository';
import { TwoFactorService } from './two-factor.service';

/**
 * Staff second factors and an administrator's reset of them. The routes of sign-in's second step
 * and of "my account" live with auth, which uses this module.
 */
@Module({
  imports: [AssuranceModule, AuthCoreModule, CredentialsModule, StaffModule],
  controllers: [StaffTwoFactorController],
  providers: [TwoFactorRepository, TwoFactorService, PasskeyService],
  exports: [TwoFactorService, PasskeyService],
})
export class TwoFactorModule {}
