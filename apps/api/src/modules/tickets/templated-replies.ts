import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { ActivityAction, SubjectType, TicketStatus } from '@keydesk/domain';

import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { staffActor } from '../audit/audit-actors';
import { AuditService } from '../audit/audit.service';
import { MailOutboxEntity } from '../emails/mail-outbox.entity';
import { TicketMessageEntity } from './ticket-message.entity';
import { TicketMessageRepository } from './ticket-message.repository';
import { TicketEntity } from './ticket.entity';
import { TicketRepository } from './ticket.repository';

/**
 * A public reply that a password action writes from a template in the agent's name, so the agent
 * never types it (step 6 of the procedure: the customer is told). Posted, the ticket answered and
 * the trail written as for a typed reply; the caller says which mail carries it to the customer.
 */
@Injectable()
export class TemplatedReplies {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly messages: TicketMessageRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async post(
    manager: EntityManager,
    ticket: TicketEntity,
    body: string,
    context: RequestContext,
    mailOf: (message: TicketMessageEntity) => Promise<MailOutboxEntity>,
  ): Promise<{ message: TicketMessageEntity; mail: MailOutboxEntity }> {
    const message = await this.messages.addFromStaff(manager, ticket.id, context.staff!, body, false);
    await this.tickets.update(manager, ticket.id, { status: TicketStatus.Answered, lastReplyAt: this.clock.now() });
    const mail = await mailOf(message);
    await this.audit.record(manager, {
      actor: staffActor(context),
      action: ActivityAction.TicketReplied,
      clientId: ticket.clientId,
      subject: { type: SubjectType.Ticket, id: ticket.id, name: ticket.subject },
      ip: context.ip,
      userAgent: context.userAgent,
      details: {
        messageId: message.id,
        internal: false,
        length: body.length,
        status: { from: ticket.status, to: TicketStatus.Answered },
        emailId: mail.id,
      },
    });
    return { message, mail };
  }
}
