import { Injectable } from '@nestjs/common';

import { ActivityAction, ErrorCode, SubjectType, TicketMessageResponse, TicketStatus } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { ListQuery } from '../../common/http/list-query';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import { staffActor } from '../audit/audit-actors';
import { AuditService } from '../audit/audit.service';
import { CreateTicketMessageDto } from './dto/create-ticket-message.dto';
import { TicketMessageRepository, TicketMessageSortField } from './ticket-message.repository';
import { TicketReplyMail } from './ticket-reply-mail';
import { toTicketMessageResponse } from './ticket.mapper';
import { TicketRepository } from './ticket.repository';
import { signedIn, TicketsService } from './tickets.service';

/**
 * A ticket's thread as staff see it: public replies and internal notes. Internal notes are
 * never shown or sent to the customer; a customer-facing view must list `internal: false` only.
 */
@Injectable()
export class TicketMessagesService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly ticketRows: TicketRepository,
    private readonly messages: TicketMessageRepository,
    private readonly replyMail: TicketReplyMail,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async list(
    ticketId: number,
    query: ListQuery<TicketMessageSortField>,
  ): Promise<{ rows: TicketMessageResponse[]; total: number }> {
    await this.tickets.require(ticketId);
    const [rows, total] = await this.messages.pageOfTicket(
      ticketId,
      internalFilter(query.filter),
      query.offset,
      query.limit,
      query.sortOrder,
    );
    return { rows: rows.map(toTicketMessageResponse), total };
  }

  /**
   * A public reply answers the customer: the ticket becomes `answered` and moves in the queue, and
   * the customer gets it by mail, queued in the same transaction. An internal note changes neither
   * and sends nothing; it is for colleagues only.
   */
  async post(ticketId: number, dto: CreateTicketMessageDto, context: RequestContext): Promise<TicketMessageResponse> {
    const ticket = await this.tickets.require(ticketId);
    const author = signedIn(context);
    const message = await this.transactions.run(async (manager) => {
      const row = await this.messages.addFromStaff(manager, ticketId, author, dto.body, dto.internal);
      if (!row.internal) {
        await this.ticketRows.update(manager, ticketId, {
          status: TicketStatus.Answered,
          lastReplyAt: this.clock.now(),
        });
      }
      const mail = row.internal ? null : await this.replyMail.enqueue(manager, ticket, row);
      await this.audit.record(manager, {
        actor: staffActor(context),
        action: row.internal ? ActivityAction.TicketNoteAdded : ActivityAction.TicketReplied,
        clientId: ticket.clientId,
        subject: { type: SubjectType.Ticket, id: ticketId, name: ticket.subject },
        ip: context.ip,
        userAgent: context.userAgent,
        details: {
          messageId: row.id,
          internal: row.internal,
          length: row.body.length,
          ...(row.internal ? {} : { status: { from: ticket.status, to: TicketStatus.Answered }, emailId: mail?.id }),
        },
      });
      return row;
    });
    return toTicketMessageResponse(message);
  }
}

function internalFilter(filter: Record<string, unknown>): boolean | undefined {
  const value = filter.internal;
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'boolean') {
    throw new DomainError(ErrorCode.ValidationFailed, {}, { 'filter.internal': { key: 'validation.isBoolean' } });
  }
  return value;
}
