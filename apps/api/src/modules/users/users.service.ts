import { Injectable } from '@nestjs/common';

import {
  ActivityAction,
  AssuredAction,
  CredentialWay,
  emailHoldUntil,
  ErrorCode,
  SubjectType,
  UserResponse,
  UserSignInResponse,
} from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { filterIds, filterText, ListQuery } from '../../common/http/list-query';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { AssuranceGate } from '../assurance/assurance-gate';
import { staffActor } from '../audit/audit-actors';
import { AuditService } from '../audit/audit.service';
import { ClientSearchIndex } from '../clients/client-search-index';
import { UserFactorsRepository } from '../customer-two-factor/user-factors.repository';
import { AccountLocksService } from '../credentials/account-locks.service';
import { UserCredentialsService } from '../credentials/user-credentials.service';
import { ClientUserRepository } from './client-user.repository';
import { LiftEmailHoldDto } from './dto/lift-email-hold.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserEntity } from './user.entity';
import { toUserResponse, toUserSignInResponse } from './user.mapper';
import { UserRepository, UserSortField } from './user.repository';

/** The fields of a user that staff may change, and that the audit trail compares. */
const EDITABLE = ['firstName', 'lastName', 'email', 'status'] as const;
/** Those that are search words of the user's clients. */
const SEARCHABLE: ReadonlyArray<(typeof EDITABLE)[number]> = ['firstName', 'lastName', 'email'];

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly memberships: ClientUserRepository,
    private readonly searchIndex: ClientSearchIndex,
    private readonly credentials: UserCredentialsService,
    private readonly locks: AccountLocksService,
    private readonly gate: AssuranceGate,
    private readonly factors: UserFactorsRepository,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** `filter={"q":"ana@"}`: users whose email starts with q, each with their clients. */
  async list(query: ListQuery<UserSortField>): Promise<{ rows: UserResponse[]; total: number }> {
    const [users, total] = await this.users.search({
      ...query,
      emailPrefix: filterText(query.filter, 'q')?.toLowerCase(),
      ids: filterIds(query.filter),
    });
    const ids = users.map((user) => user.id);
    const [memberships, factors] = await Promise.all([this.memberships.forUsers(ids), this.factors.detailsOf(ids)]);
    return {
      rows: users.map((user) => toUserResponse(user, memberships, this.hold(), factors.get(user.id)!)),
      total,
    };
  }

  async get(id: number): Promise<UserResponse> {
    const user = await this.require(id);
    const [memberships, twoFactor] = await Promise.all([this.memberships.forUsers([id]), this.factors.detailOf(id)]);
    return toUserResponse(user, memberships, this.hold(), twoFactor);
  }

  async update(id: number, dto: UpdateUserDto, context: RequestContext): Promise<UserResponse> {
    const user = await this.require(id);
    const next = {
      firstName: dto.firstName?.trim() ?? user.firstName,
      lastName: dto.lastName?.trim() ?? user.lastName,
      email: dto.email?.trim().toLowerCase() ?? user.email,
      status: dto.status ?? user.status,
    };
    const changed = EDITABLE.filter((field) => next[field] !== user[field]);
    if (changed.length === 0) return this.get(id);
    // The email changes through the credentials module (its entry, its notices); the rest here.
    const profile = changed.filter((field) => field !== 'email');
    const changes = Object.fromEntries(changed.map((field) => [field, { from: user[field], to: next[field] }]));
    const guarded = { action: AssuredAction.EmailChange, userId: id, approvalId: dto.approvalId };
    if (changed.includes('email')) {
      // A taken address is the agent's typo, said before any question of who is asking; a race
      // past this check ends at the unique index (409).
      if (await this.users.existsByEmail(next.email, id)) {
        const params = { email: next.email };
        throw new DomainError(ErrorCode.UserEmailTaken, params, { email: { key: 'errors.USER_EMAIL_TAKEN', params } });
      }
      await this.gate.precheck(context, guarded);
    }
    await this.transactions.run(async (manager) => {
      const memberships = await this.memberships.forUsers([id], manager);
      if (changed.includes('email'))
        await this.gate.enforce(manager, context, { ...guarded, clientId: memberships[0]?.clientId ?? null });
      if (profile.length)
        await this.users.updateProfile(manager, id, {
          firstName: next.firstName,
          lastName: next.lastName,
          status: next.status,
        });
      if (changed.includes('email')) {
        await this.credentials.changeEmail(manager, {
          user,
          client: memberships[0]?.client ?? null,
          way: CredentialWay.Staff,
          context,
          email: next.email,
        });
      }
      const clientIds = memberships.map((membership) => membership.clientId);
      if (changed.some((field) => SEARCHABLE.includes(field))) await this.searchIndex.reindex(manager, clientIds);
      // One entry per client the user belongs to, so each client's Log tab shows the change.
      for (const clientId of clientIds.length ? clientIds : [null]) {
        await this.audit.record(manager, {
          actor: staffActor(context),
          action: ActivityAction.UserUpdated,
          clientId,
          ip: context.ip,
          userAgent: context.userAgent,
          subject: { type: SubjectType.User, id, name: `${user.firstName} ${user.lastName}` },
          details: { changes },
        });
      }
    });
    return this.get(id);
  }

  /** Lifts the lock a customer's "This wasn't me" set, with the reason staff give. */
  async unlock(id: number, reason: string, context: RequestContext): Promise<UserResponse> {
    await this.locks.unlock(id, reason, context);
    return this.get(id);
  }

  /**
   * Lifts the NEW_EMAIL_HOLD_HOURS wait on an address staff set, with a reason: by the default
   * policy, for a caller this agent verified (or with an approval).
   */
  async liftEmailHold(id: number, dto: LiftEmailHoldDto, context: RequestContext): Promise<UserResponse> {
    const user = await this.require(id);
    if (!emailHoldUntil(user, this.config.auth.newEmailHoldSeconds, this.clock.nowMs()))
      throw new DomainError(ErrorCode.EmailHoldNotActive);
    const guarded = { action: AssuredAction.EmailHoldLift, userId: id, approvalId: dto.approvalId };
    await this.gate.precheck(context, guarded);
    await this.transactions.run(async (manager) => {
      const clientId = (await this.memberships.forUsers([id], manager))[0]?.clientId ?? null;
      await this.gate.enforce(manager, context, { ...guarded, clientId });
      await this.credentials.liftEmailHold(manager, {
        user,
        clientId,
        context,
        details: { reason: dto.reason, ticketId: dto.ticketId ?? null, approvalId: dto.approvalId ?? null },
      });
    });
    return this.get(id);
  }

  /** Newest first, whatever the sort asked for: it is a history. */
  async signIns(id: number, offset: number, limit: number): Promise<{ rows: UserSignInResponse[]; total: number }> {
    await this.require(id);
    const [rows, total] = await this.users.pageOfSignIns(id, offset, limit);
    return { rows: rows.map(toUserSignInResponse), total };
  }

  private hold(): { seconds: number; nowMs: number } {
    return { seconds: this.config.auth.newEmailHoldSeconds, nowMs: this.clock.nowMs() };
  }

  private async require(id: number): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw new DomainError(ErrorCode.NotFound, { resource: 'user' });
    return user;
  }
}
