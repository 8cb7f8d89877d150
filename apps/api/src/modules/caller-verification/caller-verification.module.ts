import { Module } from '@nestjs/common';

import { AssuranceModule } from '../assurance/assurance.module';
import { ClientsModule } from '../clients/clients.module';
import { CustomerTwoFactorModule } from '../customer-two-factor/customer-two-factor.module';
import { EmailsModule } from '../emails/emails.module';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { TicketsModule } from '../tickets/tickets.module';
import { UsersModule } from '../users/users.module';
import { CallerCodeHasher } from './caller-code';
import { CallerVerificationController } from './caller-verification.controller';
import { CallerVerificationService } from './caller-verification.service';
import { VerificationAddresses } from './verification-addresses';

/** Verifying a caller with a code mailed to an address on file; the assurance gate reads the result. */
@Module({
  imports: [
    AssuranceModule,
    ClientsModule,
    CustomerTwoFactorModule,
    EmailsModule,
    RateLimitsModule,
    TicketsModule,
    UsersModule,
  ],
  controllers: [CallerVerificationController],
  providers: [CallerVerificationService, CallerCodeHasher, VerificationAddresses],
})
export class CallerVerificationModule {}
