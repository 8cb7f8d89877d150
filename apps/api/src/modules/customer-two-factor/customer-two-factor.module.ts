import { Module } from '@nestjs/common';

import { AssuranceModule } from '../assurance/assurance.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { TicketsModule } from '../tickets/tickets.module';
import { UsersModule } from '../users/users.module';
import { UserSessionsModule } from '../user-sessions/user-sessions.module';
import { CustomerFactorsModule } from './customer-factors.module';
import { CustomerPasskeysService } from './customer-passkeys.service';
import { CustomerTwoFactorService } from './customer-two-factor.service';
import { UserFactorRemovalService } from './user-factor-removal.service';
import { UserTwoFactorController } from './user-two-factor.controller';

/** Customers' second factors: enrolment and proof (the client area uses them), and staff's assisted removal. */
@Module({
  imports: [AssuranceModule, CredentialsModule, CustomerFactorsModule, TicketsModule, UsersModule, UserSessionsModule],
  controllers: [UserTwoFactorController],
  providers: [CustomerTwoFactorService, CustomerPasskeysService, UserFactorRemovalService],
  exports: [CustomerTwoFactorService, CustomerPasskeysService, CustomerFactorsModule],
})
export class CustomerTwoFactorModule {}
