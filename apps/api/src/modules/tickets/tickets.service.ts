import { Injectable } from '@nestjs/common';

import { ActivityAction, ErrorCode, StaffStatus, SubjectType, TicketResponse, TicketStatus } from '@keydesk/domain';

import { AuthenticatedStaff } from '../../common/access/authenticated-staff';
import { DomainError } from '../../common/errors/domain-error';
import { ListQuery } from '../../common/http/list-query';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import { staffActor } from '../audit/audit-actors';
import { AuditService } from '../audit/audit.service';
import { ClientsService } from '../clients/clients.service';
import { StaffRepository } from '../staff/staff.repository';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { UpdateTicketDto } from './dto/update-ticket.dto';
import { TicketMessageRepository } from './ticket-message.repository';
import { ticketFilterOf } from './ticket-filter';
import { TicketEntity } from './ticket.entity';
import { toTicketResponse } from './ticket.mapper';
import { TicketChanges, TicketRepository, TicketSortField } from './ticket.repository';

/** The ticket queue: open a ticket for a client, find it, route it (status, priority, assignee). */
@Injectable()
export class TicketsService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly messages: TicketMessageRepository,
    private readonly clients: ClientsService,
    private readonly staff: StaffRepository,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async list(query: ListQuery<TicketSortField>): Promise<{ rows: TicketResponse[]; total: number }> {
    const [rows, total] = await this.tickets.search(ticketFilterOf(query.filter), query);
    return { rows: rows.map(toResponse), total };
  }

  async get(id: number): Promise<TicketResponse> {
    return toResponse(await this.require(id));
  }

  async create(dto: CreateTicketDto, context: RequestContext): Promise<TicketResponse> {
    const client = await this.clients.require(dto.clientId);
    const userId = dto.userId ?? null;
    if (userId !== null && !(await this.tickets.isUserOfClient(client.id, userId))) throw invalidField('userId');
    const author = signedIn(context);
    const id = await this.transactions.run(async (manager) => {
      const ticket = await this.tickets.save(
        manager,
        Object.assign(new TicketEntity(), {
          clientId: client.id,
          userId,
          subject: dto.subject,
          department: dto.department,
          priority: dto.priority,
          status: TicketStatus.Open,
          assignedStaffId: null,
          lastReplyAt: this.clock.now(),
        }),
      );
      await this.messages.addFromStaff(manager, ticket.id, author, dto.message, false);
      await this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.TicketOpened,
        clientId: client.id,
        subject: { type: SubjectType.Ticket, id: ticket.id, name: ticket.subject },
        ip: context.ip,
        userAgent: context.userAgent,
        details: { department: ticket.department, priority: ticket.priority, userId },
      });
      return ticket.id;
    });
    return this.get(id);
  }

  async update(id: number, dto: UpdateTicketDto, context: RequestContext): Promise<TicketResponse> {
    const ticket = await this.require(id);
    const wanted: TicketChanges = {};
    if (dto.status !== undefined) wanted.status = dto.status;
    if (dto.priority !== undefined) wanted.priority = dto.priority;
    if (dto.department !== undefined) wanted.department = dto.department;
    if (dto.assignedStaffId !== undefined) wanted.assignedStaffId = dto.assignedStaffId;
    const fields = (Object.keys(wanted) as Array<keyof TicketChanges>).filter(
      (field) => wanted[field] !== ticket[field],
    );
    if (fields.length === 0) return toResponse(ticket);
    if (wanted.assignedStaffId != null && fields.includes('assignedStaffId'))
      await this.assertAssignable(wanted.assignedStaffId);
    const changes = Object.fromEntries(fields.map((field) => [field, { from: ticket[field], to: wanted[field] }]));
    await this.transactions.run(async (manager) => {
      await this.tickets.update(manager, id, Object.fromEntries(fields.map((field) => [field, wanted[field]])));
      await this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.TicketUpdated,
        clientId: ticket.clientId,
        subject: { type: SubjectType.Ticket, id, name: ticket.subject },
        ip: context.ip,
        userAgent: context.userAgent,
        details: { changes },
      });
    });
    return this.get(id);
  }

  /** For the messages: the ticket (with its company name) or a 404. */
  async require(id: number): Promise<TicketEntity> {
    const ticket = await this.tickets.findById(id);
    if (!ticket) throw new DomainError(ErrorCode.NotFound, { resource: 'ticket' });
    return ticket;
  }

  /** Tickets go to people who can work them: a disabled account never signs in to answer. */
  private async assertAssignable(staffId: number): Promise<void> {
    const [staff] = await this.staff.findByIds([staffId]);
    if (staff?.status !== StaffStatus.Active) throw invalidField('assignedStaffId');
  }
}

function toResponse(ticket: TicketEntity): TicketResponse {
  return toTicketResponse(ticket, ticket.client?.companyName ?? '');
}

function invalidField(field: string): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, {}, { [field]: { key: 'validation.invalid' } });
}

/** Messages are signed by their author; every ticket route requires a signed-in staff member. */
export function signedIn(context: RequestContext): AuthenticatedStaff {
  if (!context.staff) throw new DomainError(ErrorCode.NotAuthenticated);
  return context.staff;
}
