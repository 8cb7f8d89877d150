import { Module } from '@nestjs/common';

import { ClientsModule } from '../clients/clients.module';
import { StaffModule } from '../staff/staff.module';
import { TicketMessageRepository } from './ticket-message.repository';
import { TicketMessagesController } from './ticket-messages.controller';
import { TicketMessagesService } from './ticket-messages.service';
import { TicketRepository } from './ticket.repository';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [ClientsModule, StaffModule],
  controllers: [TicketsController, TicketMessagesController],
  providers: [TicketRepository, TicketMessageRepository, TicketsService, TicketMessagesService],
})
export class TicketsModule {}
