import { Module } from '@nestjs/common';

import { CredentialsModule } from '../credentials/credentials.module';
import { CustomerFactorsModule } from './customer-factors.module';
import { CustomerTwoFactorService } from './customer-two-factor.service';

/** Customers' second factors as the client area uses them: enrolment, proof, removal. */
@Module({
  imports: [CredentialsModule, CustomerFactorsModule],
  providers: [CustomerTwoFactorService],
  exports: [CustomerTwoFactorService, CustomerFactorsModule],
})
export class CustomerTwoFactorModule {}
