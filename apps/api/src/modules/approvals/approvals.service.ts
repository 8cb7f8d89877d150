import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import {
  ActivityAction,
  ApprovalDecision,
  ApprovalDetailResponse,
  ApprovalResponse,
  ApprovalState,
  ASSURANCE_DEFAULTS,
  AssuredAction,
  ErrorCode,
  hasPermission,
  Permission,
  WebhookEvent,
} from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { ListQuery } from '../../common/http/list-query';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import { StaffRepository } from '../staff/staff.repository';
import { TicketRepository } from '../tickets/ticket.repository';
import { ClientUserRepository } from '../users/client-user.repository';
import { UserRepository } from '../users/user.repository';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { displayNameOf } from '../users/user-names';
import { ApprovalEntity } from './approval.entity';
import { toApprovalResponse } from './approval.mapper';
import { ApprovalFilter, ApprovalRepository, ApprovalSortField } from './approval.repository';
import { approvalEntry } from './approval-entry';
import { ApprovalFlags } from './approval-flags';

export interface ApprovalRequest {
  action: AssuredAction;
  userId?: number;
  staffId?: number;
  reason: string;
  ticketId?: number;
}

/**
 * A second person for every exception: an agent asks that one action on one user (or staff
 * member) be allowed, with a reason; someone else holding approvals.decide approves or denies it;
 * approved, it may be used once, by the requester, within APPROVAL_MINUTES. Every step is an
 * audit entry about the user or staff member, so their timeline shows it.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly approvals: ApprovalRepository,
    private readonly flags: ApprovalFlags,
    private readonly users: UserRepository,
    private readonly memberships: ClientUserRepository,
    private readonly staff: StaffRepository,
    private readonly tickets: TicketRepository,
    private readonly audit: AuditService,
    private readonly events: WebhookOutbox,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async request(request: ApprovalRequest, context: RequestContext): Promise<ApprovalResponse> {
    const staff = requireStaff(context);
    const onStaff = request.action.startsWith('staff.');
    const subjectId = onStaff ? request.staffId : request.userId;
    if (subjectId === undefined || (onStaff ? request.userId : request.staffId) !== undefined) {
      const field = onStaff ? 'staffId' : 'userId';
      throw new DomainError(ErrorCode.ValidationFailed, {}, { [field]: { key: 'approvals.subjectRequired' } });
    }
    // Asking for an exception takes the permission the action itself takes.
    const needed = onStaff ? Permission.StaffManage : Permission.UsersManage;
    if (!hasPermission(staff.permissions, needed)) throw new DomainError(ErrorCode.Forbidden, { permission: needed });
    const subject = onStaff ? await this.staffSubject(subjectId) : await this.userSubject(subjectId, request.ticketId);
    const now = this.clock.nowMs();
    return this.transactions.run(async (manager) => {
      const row = await this.approvals.insert(manager, {
        action: request.action,
        userId: onStaff ? null : subjectId,
        staffId: onStaff ? subjectId : null,
        subjectName: subject.name,
        reason: request.reason,
        ticketId: request.ticketId ?? null,
        state: ApprovalState.Pending,
        requestedBy: staff.id,
        requestedByName: staff.displayName,
        requestedAt: now,
        decidedBy: null,
        decidedByName: null,
        decidedAt: null,
        comment: null,
        expiresAt: now + ASSURANCE_DEFAULTS.pendingHours * 3600_000,
        usedAt: null,
      });
      await this.record(manager, ActivityAction.ApprovalRequested, row, subject.clientId, context, {
        reason: row.reason,
      });
      await this.events.emit(manager, WebhookEvent.ApprovalRequested, approvalEvent(row));
      return toApprovalResponse(row);
    });
  }

  /** Those who decide see every request; everyone else sees their own. */
  async list(
    query: ListQuery<ApprovalSortField>,
    filter: ApprovalFilter,
    context: RequestContext,
  ): Promise<{ rows: ApprovalResponse[]; total: number }> {
    const staff = requireStaff(context);
    const own = filter.requestedBy !== undefined || !hasPermission(staff.permissions, Permission.ApprovalsDecide);
    const [rows, total] = await this.approvals.page({ ...filter, requestedBy: own ? staff.id : undefined }, query);
    return { rows: rows.map(toApprovalResponse), total };
  }

  async get(id: number, context: RequestContext): Promise<ApprovalDetailResponse> {
    const row = await this.requireVisible(id, context);
    return { ...toApprovalResponse(row), flags: await this.flags.of(row) };
  }

  async decide(
    id: number,
    decision: { decision: ApprovalDecision; comment?: string },
    context: RequestContext,
  ): Promise<ApprovalResponse> {
    const staff = requireStaff(context);
    const row = await this.approvals.findById(id);
    if (!row) throw new DomainError(ErrorCode.NotFound, { resource: 'approval' });
    if (row.requestedBy === staff.id) throw new DomainError(ErrorCode.ApprovalOwnRequest);
    const now = this.clock.nowMs();
    const approved = decision.decision === ApprovalDecision.Approve;
    return this.transactions.run(async (manager) => {
      const changes = {
        state: approved ? ApprovalState.Approved : ApprovalState.Denied,
        decidedBy: staff.id,
        decidedByName: staff.displayName,
        comment: decision.comment?.trim() || null,
        expiresAt: approved ? now + this.config.assurance.approvalSeconds * 1000 : row.expiresAt,
      };
      if (!(await this.approvals.decide(manager, id, now, changes)))
        throw new DomainError(ErrorCode.ApprovalAlreadyDecided);
      const decided = Object.assign(row, changes, { decidedAt: now });
      await this.record(
        manager,
        approved ? ActivityAction.ApprovalApproved : ActivityAction.ApprovalDenied,
        decided,
        await this.clientOf(decided),
        context,
        { comment: decided.comment },
      );
      await this.events.emit(manager, WebhookEvent.ApprovalDecided, {
        ...approvalEvent(decided),
        decision: decision.decision,
        decidedBy: staff.id,
        decidedByName: staff.displayName,
      });
      return toApprovalResponse(decided);
    });
  }

  /** Requests not decided within a day, and approvals not used in time, become expired (an entry each). */
  async expireOverdue(): Promise<number> {
    const now = this.clock.nowMs();
    let expired = 0;
    for (const row of await this.approvals.overdue(now, 100)) {
      const done = await this.transactions.run(async (manager) => {
        if (!(await this.approvals.expire(manager, row, now))) return false;
        await this.record(manager, ActivityAction.ApprovalExpired, row, await this.clientOf(row), null, {
          was: row.state,
        });
        return true;
      });
      if (done) expired += 1;
    }
    return expired;
  }

  private async requireVisible(id: number, context: RequestContext): Promise<ApprovalEntity> {
    const staff = requireStaff(context);
    const row = await this.approvals.findById(id);
    const visible =
      row && (row.requestedBy === staff.id || hasPermission(staff.permissions, Permission.ApprovalsDecide));
    if (!visible) throw new DomainError(ErrorCode.NotFound, { resource: 'approval' });
    return row;
  }

  private record(
    manager: EntityManager,
    action: ActivityAction,
    row: ApprovalEntity,
    clientId: number | null,
    context: RequestContext | null,
    details: Record<string, unknown>,
  ) {
    return this.audit.record(manager, approvalEntry(action, row, clientId, context, details));
  }

  private async clientOf(row: ApprovalEntity): Promise<number | null> {
    if (row.userId === null) return null;
    return (await this.memberships.forUsers([row.userId]))[0]?.clientId ?? null;
  }

  private async userSubject(userId: number, ticketId: number | undefined) {
    const user = await this.users.findById(userId);
    if (!user) throw new DomainError(ErrorCode.NotFound, { resource: 'user' });
    const clientIds = (await this.memberships.forUsers([userId])).map((membership) => membership.clientId);
    if (ticketId !== undefined) {
      const ticket = await this.tickets.findById(ticketId);
      if (!ticket || !(ticket.userId === userId || clientIds.includes(ticket.clientId)))
        throw new DomainError(ErrorCode.ValidationFailed, {}, { ticketId: { key: 'verification.notUserTicket' } });
    }
    return { name: displayNameOf(user), clientId: clientIds[0] ?? null };
  }

  private async staffSubject(staffId: number) {
    const [member] = await this.staff.findByIds([staffId]);
    if (!member) throw new DomainError(ErrorCode.NotFound, { resource: 'staff' });
    return { name: member.displayName, clientId: null };
  }
}

/** What an approval's events say: ids and names, the action, never the reason's free text. */
function approvalEvent(row: ApprovalEntity) {
  return {
    approvalId: row.id,
    action: row.action,
    userId: row.userId,
    staffId: row.staffId,
    subjectName: row.subjectName,
    ticketId: row.ticketId,
    requestedBy: row.requestedBy,
    requestedByName: row.requestedByName,
  };
}

function requireStaff(context: RequestContext) {
  if (!context.staff) throw new DomainError(ErrorCode.NotAuthenticated);
  return context.staff;
}
