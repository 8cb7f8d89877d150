import { Module } from '@nestjs/common';

import { AssuranceModule } from '../assurance/assurance.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { ClientsModule } from '../clients/clients.module';
import { EmailsModule } from '../emails/emails.module';
import { TicketsModule } from '../tickets/tickets.module';
import { UsersModule } from '../users/users.module';
import { PasswordActionTargets } from './password-action-targets';
import { PasswordResetEmailService } from './password-reset-email.service';
import { PasswordResetRepository } from './password-reset.repository';
import { PasswordResetsController } from './password-resets.controller';

/**
 * Reset links: sent by staff here, used by the customer on the account pages (AccountModule).
 */
@Module({
  imports: [AssuranceModule, CredentialsModule, ClientsModule, UsersModule, EmailsModule, TicketsModule],
  controllers: [PasswordResetsController],
  providers: [PasswordResetRepository, PasswordActionTargets, PasswordResetEmailService],
  exports: [PasswordResetRepository, PasswordActionTargets, PasswordResetEmailService],
})
export class PasswordResetsModule {}
