import { Module } from '@nestjs/common';

import { CredentialsModule } from '../credentials/credentials.module';
import { StaffModule } from '../staff/staff.module';
import { TwoFactorRepository } from './two-factor.repository';
import { TwoFactorService } from './two-factor.service';

/** Staff second factors. Their routes (sign-in's second step, "my account") live with auth, which uses them. */
@Module({
  imports: [CredentialsModule, StaffModule],
  providers: [TwoFactorRepository, TwoFactorService],
  exports: [TwoFactorService],
})
export class TwoFactorModule {}
