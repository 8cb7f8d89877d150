import { Injectable } from '@nestjs/common';

import {
  ActiveVerification,
  ActivityAction,
  CALLER_CODE,
  CallerVerificationState,
  ConfirmedVerification,
  ErrorCode,
  maskAddress,
  StartedVerification,
  SubjectType,
  VerificationMethod,
} from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { staffActor } from '../audit/audit-actors';
import { AuditService } from '../audit/audit.service';
import { CustomerTwoFactorService } from '../customer-two-factor/customer-two-factor.service';
import { UserFactorsRepository } from '../customer-two-factor/user-factors.repository';
import { MailOutbox } from '../emails/mail-outbox';
import { RateLimiter } from '../rate-limits/rate-limiter';
import { TicketRepository } from '../tickets/ticket.repository';
import { ClientUserRepository } from '../users/client-user.repository';
import { UserEntity } from '../users/user.entity';
import { UserRepository } from '../users/user.repository';
import { displayNameOf } from '../users/user-names';
import { CallerCodeHasher, newCallerCode, normalizeCallerCode } from './caller-code';
import { CallerVerificationEntity } from './caller-verification.entity';
import { CallerVerificationRepository } from './caller-verification.repository';
import { localeOf, VerificationAddresses } from './verification-addresses';

/** One code per agent and user a minute, and a day's worth of calls per agent an hour: a mailbox is not a pager. */
const CODE_LIMITS = { perUserSeconds: 60, perAgentPerHour: 30 } as const;

/**
 * "Verify caller": the agent picks an address on file, Keydesk mails it a six-digit code, the
 * caller reads it back. A confirmed code counts for CALLER_VERIFICATION_MINUTES for that agent and
 * that user only. The code is a mail secret (the Emails tab and the trail never show it).
 */
@Injectable()
export class CallerVerificationService {
  constructor(
    private readonly verifications: CallerVerificationRepository,
    private readonly addresses: VerificationAddresses,
    private readonly users: UserRepository,
    private readonly memberships: ClientUserRepository,
    private readonly tickets: TicketRepository,
    private readonly hasher: CallerCodeHasher,
    private readonly limiter: RateLimiter,
    private readonly outbox: MailOutbox,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly factors: UserFactorsRepository,
    private readonly twoFactor: CustomerTwoFactorService,
  ) {}

  async state(userId: number, context: RequestContext): Promise<CallerVerificationState> {
    const staffId = staffIdOf(context);
    const user = await this.requireUser(userId);
    const now = this.clock.nowMs();
    const [active, pending, addresses] = await Promise.all([
      this.verifications.active(staffId, userId, now),
      this.verifications.pending(staffId, userId, now),
      this.addresses.of(user),
    ]);
    return {
      verifiedUntil: active ? new Date(active.verifiedUntil!).toISOString() : null,
      method: active?.method ?? null,
      ticketId: active?.ticketId ?? null,
      addresses: addresses.map(({ address, kind }) => ({ address, kind })),
      pending: pending ? startedOf(pending) : null,
      appAvailable: (await this.factors.detailOf(userId)).totp !== null,
    };
  }

  async activeOfAgent(context: RequestContext): Promise<ActiveVerification[]> {
    const rows = await this.verifications.activeOf(staffIdOf(context), this.clock.nowMs());
    return rows.map((row) => ({
      userId: row.userId,
      verifiedUntil: new Date(row.verifiedUntil!).toISOString(),
      method: row.method,
      ticketId: row.ticketId,
    }));
  }

  async start(
    userId: number,
    request: { address: string; ticketId?: number },
    context: RequestContext,
  ): Promise<StartedVerification> {
    const staffId = staffIdOf(context);
    const user = await this.requireUser(userId);
    const wanted = request.address.trim().toLowerCase();
    const address = (await this.addresses.of(user)).find((candidate) => candidate.address === wanted);
    if (!address) {
      throw new DomainError(
        ErrorCode.VerificationAddressUnknown,
        {},
        {
          address: { key: 'errors.VERIFICATION_ADDRESS_UNKNOWN' },
        },
      );
    }
    if (request.ticketId !== undefined) await this.assertTicketOf(user, request.ticketId);
    await this.limiter.consume([
      { key: `caller-code:${staffId}:${userId}`, limit: 1, windowSeconds: CODE_LIMITS.perUserSeconds },
      { key: `caller-code:${staffId}`, limit: CODE_LIMITS.perAgentPerHour, windowSeconds: 3600 },
    ]);
    const code = newCallerCode();
    const now = this.clock.nowMs();
    const locale = localeOf(address);
    return this.transactions.run(async (manager) => {
      await this.verifications.voidPending(manager, staffId, userId, now);
      const row = await this.verifications.insert(manager, {
        userId,
        staffId,
        ticketId: request.ticketId ?? null,
        method: VerificationMethod.EmailCode,
        address: address.address,
        codeHash: this.hasher.hash(staffId, userId, code),
        tries: 0,
        expiresAt: now + CALLER_CODE.validMinutes * 60_000,
        confirmedAt: null,
        verifiedUntil: null,
        createdAt: now,
      });
      const mail = await this.outbox.enqueue(manager, {
        clientId: address.client?.id ?? null,
        userId,
        ticketId: request.ticketId ?? null,
        to: address.address,
        locale,
        template: 'caller-verification',
        data: {
          displayName: address.displayName,
          userName: displayNameOf(user),
          companyName: address.client?.companyName ?? '',
          agentName: context.staff!.displayName,
          validMinutes: CALLER_CODE.validMinutes,
        },
        secrets: { code },
      });
      await this.record(manager, ActivityAction.UserCallerCodeSent, user, address.client?.id ?? null, context, {
        verificationId: row.id,
        sentTo: maskAddress(address.address),
        addressKind: address.kind,
        ticketId: row.ticketId,
        emailId: mail.id,
        expiresAt: new Date(row.expiresAt).toISOString(),
      });
      return startedOf(row);
    });
  }

  async confirm(
    userId: number,
    verificationId: number,
    typed: string,
    context: RequestContext,
  ): Promise<ConfirmedVerification> {
    const staffId = staffIdOf(context);
    const row = await this.verifications.findById(verificationId);
    // Another agent's code, or another user's, does not verify anyone for this agent.
    if (!row || row.userId !== userId || row.staffId !== staffId || row.codeHash === null)
      throw new DomainError(ErrorCode.VerificationNotActive);
    const user = await this.requireUser(userId);
    const clientId = (await this.memberships.forUsers([userId]))[0]?.clientId ?? null;
    const code = normalizeCallerCode(typed);
    const now = this.clock.nowMs();
    const right = code !== null && this.hasher.matches(staffId, userId, code, row.codeHash);
    const outcome = await this.transactions.run(async (manager): Promise<ConfirmOutcome> => {
      if (right) {
        const verifiedUntil = now + this.config.assurance.verificationSeconds * 1000;
        if (!(await this.verifications.confirm(manager, row.id, now, verifiedUntil))) return { closed: true };
        await this.record(manager, ActivityAction.UserCallerVerified, user, clientId, context, {
          verificationId: row.id,
          method: row.method,
          ticketId: row.ticketId,
          verifiedUntil: new Date(verifiedUntil).toISOString(),
        });
        return { verifiedUntil };
      }
      const tries = await this.verifications.addTry(manager, row.id, now);
      if (tries === null) return { closed: true };
      const triesLeft = CALLER_CODE.tries - tries;
      await this.record(manager, ActivityAction.UserCallerCodeFailed, user, clientId, context, {
        verificationId: row.id,
        triesLeft,
      });
      return { triesLeft };
    });
    if ('closed' in outcome) throw new DomainError(ErrorCode.VerificationNotActive);
    if ('triesLeft' in outcome) {
      throw new DomainError(
        ErrorCode.VerificationCodeInvalid,
        { triesLeft: outcome.triesLeft },
        {
          code: { key: 'errors.VERIFICATION_CODE_INVALID', params: { triesLeft: outcome.triesLeft } },
        },
      );
    }
    return { verifiedUntil: new Date(outcome.verifiedUntil).toISOString(), method: row.method };
  }

  /**
   * The second method: the caller reads the current code of the authenticator app they added in
   * the client area. The code's time step is used up (no replay), and wrong codes are limited per
   * agent and user (five in ten minutes).
   */
  async confirmAppCode(
    userId: number,
    request: { code: string; ticketId?: number },
    context: RequestContext,
  ): Promise<ConfirmedVerification> {
    const staffId = staffIdOf(context);
    const user = await this.requireUser(userId);
    if (request.ticketId !== undefined) await this.assertTicketOf(user, request.ticketId);
    const limit = { key: `caller-app:${staffId}:${userId}`, limit: CALLER_CODE.tries, windowSeconds: 600 };
    await this.limiter.assertUnder([limit]);
    const memberships = await this.memberships.forUsers([userId]);
    const client = memberships[0]?.client ?? null;
    const now = this.clock.nowMs();
    const verifiedUntil = now + this.config.assurance.verificationSeconds * 1000;
    const acting = { user, client, sessionIdHash: '', context };
    const confirmed = await this.transactions.run(async (manager) => {
      if (!(await this.twoFactor.proveAppCode(manager, acting, request.code))) {
        await this.limiter.hit(manager, [limit]);
        await this.record(manager, ActivityAction.UserCallerCodeFailed, user, client?.id ?? null, context, {
          method: VerificationMethod.AppCode,
        });
        return false;
      }
      const row = await this.verifications.insert(manager, {
        userId,
        staffId,
        ticketId: request.ticketId ?? null,
        method: VerificationMethod.AppCode,
        address: null,
        codeHash: null,
        tries: 0,
        expiresAt: now,
        confirmedAt: now,
        verifiedUntil,
        createdAt: now,
      });
      await this.record(manager, ActivityAction.UserCallerVerified, user, client?.id ?? null, context, {
        verificationId: row.id,
        method: VerificationMethod.AppCode,
        ticketId: row.ticketId,
        verifiedUntil: new Date(verifiedUntil).toISOString(),
      });
      return true;
    });
    if (!confirmed) {
      throw new DomainError(
        ErrorCode.VerificationCodeInvalid,
        { variant: 'app' },
        {
          code: { key: 'errors.VERIFICATION_CODE_INVALID.app' },
        },
      );
    }
    return { verifiedUntil: new Date(verifiedUntil).toISOString(), method: VerificationMethod.AppCode };
  }

  private record(
    manager: Parameters<AuditService['record']>[0],
    action: ActivityAction,
    user: UserEntity,
    clientId: number | null,
    context: RequestContext,
    details: Record<string, unknown>,
  ) {
    return this.audit.record(manager, {
      actor: staffActor(context),
      action,
      clientId,
      subject: { type: SubjectType.User, id: user.id, name: displayNameOf(user) },
      ip: context.ip,
      userAgent: context.userAgent,
      details,
    });
  }

  private async assertTicketOf(user: UserEntity, ticketId: number): Promise<void> {
    const ticket = await this.tickets.findById(ticketId);
    const clientIds = (await this.memberships.forUsers([user.id])).map((membership) => membership.clientId);
    if (!ticket || !(ticket.userId === user.id || clientIds.includes(ticket.clientId))) {
      throw new DomainError(ErrorCode.ValidationFailed, {}, { ticketId: { key: 'verification.notUserTicket' } });
    }
  }

  private async requireUser(id: number): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw new DomainError(ErrorCode.NotFound, { resource: 'user' });
    return user;
  }
}

/** What a typed code did: closed (no longer open), confirmed until, or wrong with tries left. */
type ConfirmOutcome = { closed: true } | { verifiedUntil: number } | { triesLeft: number };

function staffIdOf(context: RequestContext): number {
  if (!context.staff) throw new DomainError(ErrorCode.NotAuthenticated);
  return context.staff.id;
}

function startedOf(row: CallerVerificationEntity): StartedVerification {
  return { id: row.id, expiresAt: new Date(row.expiresAt).toISOString(), sentTo: maskAddress(row.address ?? '') };
}
