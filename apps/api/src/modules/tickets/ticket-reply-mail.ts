import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { AppConfig } from '../../config/app.config';
import { ClientRepository } from '../clients/client.repository';
import { MailOutbox } from '../emails/mail-outbox';
import { MailOutboxEntity } from '../emails/mail-outbox.entity';
import { UserRepository } from '../users/user.repository';
import { TicketMessageEntity } from './ticket-message.entity';
import { TicketEntity } from './ticket.entity';

/**
 * The customer's copy of a public staff reply: to the ticket's user, or to the client's primary
 * email when the ticket has none, in the client's language. Queued in the reply's transaction.
 */
@Injectable()
export class TicketReplyMail {
  constructor(
    private readonly outbox: MailOutbox,
    private readonly clients: ClientRepository,
    private readonly users: UserRepository,
    private readonly config: AppConfig,
  ) {}

  async enqueue(manager: EntityManager, ticket: TicketEntity, reply: TicketMessageEntity): Promise<MailOutboxEntity> {
    const client = await this.clients.findById(ticket.clientId, manager);
    if (!client) throw new Error(`Ticket ${ticket.id} belongs to no client`);
    const user = ticket.userId === null ? null : await this.users.findById(ticket.userId, manager);
    const person = user ?? client;
    return this.outbox.enqueue(manager, {
      clientId: client.id,
      userId: user?.id ?? null,
      ticketId: ticket.id,
      to: person.email,
      locale: client.language,
      template: 'ticket-reply',
      data: {
        displayName: `${person.firstName} ${person.lastName}`.trim(),
        companyName: client.companyName,
        ticketId: ticket.id,
        ticketSubject: ticket.subject,
        authorName: reply.authorName,
        replyBody: reply.body,
        accountUrl: new URL('account/login', this.config.server.publicUrl).toString(),
      },
    });
  }
}
