import { Module } from '@nestjs/common';

import { ClientsModule } from '../clients/clients.module';
import { EmailsModule } from '../emails/emails.module';
import { TicketMessageRepository } from '../tickets/ticket-message.repository';
import { TicketReplyMail } from '../tickets/ticket-reply-mail';
import { TicketRepository } from '../tickets/ticket.repository';
import { UsersModule } from '../users/users.module';
import { PasswordResetEmailService } from './password-reset-email.service';
import { PasswordResetRepository } from './password-reset.repository';
import { PasswordResetsController } from './password-resets.controller';

/**
 * Reset links: sent by staff here, used by the customer on the account pages (AccountModule).
 * The ticket providers are stateless and listed again rather than exported from TicketsModule.
 */
@Module({
  imports: [ClientsModule, UsersModule, EmailsModule],
  controllers: [PasswordResetsController],
  providers: [PasswordResetRepository, PasswordResetEmailService, TicketRepository, TicketMessageRepository, TicketReplyMail],
  exports: [PasswordResetRepository],
})
export class PasswordResetsModule {}
