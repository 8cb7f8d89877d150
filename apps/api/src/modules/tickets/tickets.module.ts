import { Module } from '@nestjs/common';

import { ClientsModule } from '../clients/clients.module';
import { EmailsModule } from '../emails/emails.module';
import { StaffModule } from '../staff/staff.module';
import { UsersModule } from '../users/users.module';
import { TemplatedReplies } from './templated-replies';
import { TicketMessageRepository } from './ticket-message.repository';
import { TicketMessagesController } from './ticket-messages.controller';
import { TicketMessagesService } from './ticket-messages.service';
import { TicketReplyMail } from './ticket-reply-mail';
import { TicketRepository } from './ticket.repository';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [ClientsModule, StaffModule, UsersModule, EmailsModule],
  controllers: [TicketsController, TicketMessagesController],
  providers: [
    TicketRepository,
    TicketMessageRepository,
    TicketsService,
    TicketMessagesService,
    TicketReplyMail,
    TemplatedReplies,
  ],
  exports: [TicketRepository, TicketMessageRepository, TicketReplyMail, TemplatedReplies],
})
export class TicketsModule {}
