import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import {
  ActivityAction,
  ActorType,
  CredentialKind,
  CredentialWay,
  emailHoldUntil,
  ErrorCode,
  FactorChange,
  RescueVoidReason,
  SubjectType,
  WebhookEvent,
} from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { staffActor } from '../audit/audit-actors';
import { AuditActor, AuditService } from '../audit/audit.service';
import { ClientEntity } from '../clients/client.entity';
import { UserEntity } from '../users/user.entity';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { displayNameOf } from '../users/user-names';
import { CredentialNotices } from './credential-notices';
import { CredentialsRepository } from './credentials.repository';

interface UserChange {
  user: UserEntity;
  /** The client the change happened through: its language and name go into the notice and the trail. */
  client: ClientEntity | null;
  way: CredentialWay;
  context: RequestContext;
  /** The customer's own change keeps the session that made it. */
  keepSessionIdHash?: string;
  /** Facts of the path for the audit entry (the ticket, the code, the reason...). */
  details?: Record<string, unknown>;
}

export interface PasswordChange extends UserChange {
  passwordHash: string;
  /** An agent's or a rescue code's password: to be replaced at the next sign-in, void after this. */
  temporaryUntil: Date | null;
  /** The view-once link that carries this very password: the one link not voided. */
  keepRevealId?: number;
}

export interface EmailChange extends UserChange {
  way: typeof CredentialWay.Staff | typeof CredentialWay.Customer;
  email: string;
}

export interface FactorChangeNotice {
  user: UserEntity;
  client: ClientEntity | null;
  change: FactorChange;
  way: typeof CredentialWay.Customer | typeof CredentialWay.Staff;
  context: RequestContext;
  /** The customer's own removal keeps the session that made it. */
  keepSessionIdHash?: string;
  details?: Record<string, unknown>;
}

const FACTOR_ACTIONS: Record<FactorChange, ActivityAction> = {
  [FactorChange.TotpAdded]: ActivityAction.UserSecondFactorAdded,
  [FactorChange.PasskeyAdded]: ActivityAction.UserSecondFactorAdded,
  [FactorChange.TotpRemoved]: ActivityAction.UserSecondFactorRemoved,
  [FactorChange.PasskeyRemoved]: ActivityAction.UserSecondFactorRemoved,
  [FactorChange.RecoveryCodesRenewed]: ActivityAction.UserRecoveryCodesRenewed,
  [FactorChange.RecoveryCodeUsed]: ActivityAction.UserRecoveryCodeUsed,
  [FactorChange.FactorsRemovedByStaff]: ActivityAction.UserSecondFactorsRemoved,
};

const FACTOR_REMOVALS: readonly FactorChange[] = [
  FactorChange.TotpRemoved,
  FactorChange.PasskeyRemoved,
  FactorChange.FactorsRemovedByStaff,
];

/** The webhook event of a password change, by the way it came (the customer's own change sends none). */
const PASSWORD_EVENTS: Partial<Record<CredentialWay, WebhookEvent>> = {
  [CredentialWay.Staff]: WebhookEvent.PasswordTemporarySet,
  [CredentialWay.ResetLink]: WebhookEvent.PasswordResetCompleted,
  [CredentialWay.RescueCode]: WebhookEvent.RescueCodeRedeemed,
};

const PASSWORD_ACTIONS: Record<CredentialWay, ActivityAction> = {
  [CredentialWay.Staff]: ActivityAction.UserPasswordSet,
  [CredentialWay.ResetLink]: ActivityAction.UserPasswordResetCompleted,
  [CredentialWay.RescueCode]: ActivityAction.UserRescueCodeRedeemed,
  [CredentialWay.Customer]: ActivityAction.UserPasswordChanged,
};

/**
 * Every change of a customer's password or email, whichever way it comes, inside the caller's
 * transaction and with the same consequences: every session ends (the customer's own change keeps
 * the one that made it), reset links, view-once links and rescue codes that still work are voided,
 * one audit entry is written, and the user's address (and the old one, for an email) is told, with
 * a "This wasn't me" link. Second factors will change here too.
 */
@Injectable()
export class UserCredentialsService {
  constructor(
    private readonly repository: CredentialsRepository,
    private readonly notices: CredentialNotices,
    private readonly audit: AuditService,
    private readonly events: WebhookOutbox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async changePassword(
    manager: EntityManager,
    change: PasswordChange,
  ): Promise<{ entryId: string; noticeEmailIds: number[] }> {
    const now = this.clock.now();
    await this.repository.setUserPassword(manager, change.user.id, change.passwordHash, now, change.temporaryUntil);
    return this.apply(
      manager,
      change,
      now,
      CredentialKind.Password,
      RescueVoidReason.PasswordChanged,
      PASSWORD_ACTIONS[change.way],
    );
  }

  async changeEmail(
    manager: EntityManager,
    change: EmailChange,
  ): Promise<{ entryId: string; noticeEmailIds: number[] }> {
    const now = this.clock.now();
    const from = change.user.email;
    await this.repository.setUserEmail(manager, change.user.id, change.email, now, change.way);
    const details = { ...change.details, from, to: change.email };
    return this.apply(
      manager,
      { ...change, details },
      now,
      CredentialKind.Email,
      RescueVoidReason.EmailChanged,
      ActivityAction.UserEmailChanged,
      { from, to: change.email },
    );
  }

  /**
   * Staff lift the wait on an address they set (the caller was verified, or a second person
   * approved): reset links and temporary passwords may go to it at once. One entry, with the reason.
   */
  async liftEmailHold(
    manager: EntityManager,
    lift: { user: UserEntity; clientId: number | null; context: RequestContext; details: Record<string, unknown> },
  ): Promise<void> {
    const now = this.clock.now();
    await this.repository.liftEmailHold(manager, lift.user.id, now);
    await this.audit.record(manager, {
      actor: staffActor(lift.context),
      action: ActivityAction.UserEmailHoldLifted,
      clientId: lift.clientId,
      subject: { type: SubjectType.User, id: lift.user.id, name: displayNameOf(lift.user) },
      ip: lift.context.ip,
      userAgent: lift.context.userAgent,
      details: { ...lift.details, email: lift.user.email },
    });
  }

  /**
   * A change of a customer's second factors, inside the caller's transaction: one audit entry
   * (never a code or secret), notices to the user's address and the client's security addresses
   * (each with "This wasn't me"), and sessions: a removal ends the user's other sessions (all of
   * them when staff removed the factors); an addition keeps them.
   */
  async factorChanged(manager: EntityManager, change: FactorChangeNotice): Promise<{ entryId: string }> {
    const { user, client, context } = change;
    const now = this.clock.now();
    const removal = FACTOR_REMOVALS.includes(change.change);
    const sessionsEnded = removal
      ? await this.repository.endUserSessions(manager, user.id, change.keepSessionIdHash)
      : 0;
    const recipients = [
      { email: user.email, displayName: displayNameOf(user) },
      ...(await this.repository.securityAddressesOf(manager, user.id, client?.id ?? null)),
    ].filter((r, i, all) => all.findIndex((o) => o.email.toLowerCase() === r.email.toLowerCase()) === i);
    const entry = await this.audit.record(manager, {
      actor: this.actorOf(change),
      action: FACTOR_ACTIONS[change.change],
      clientId: client?.id ?? null,
      subject: { type: SubjectType.User, id: user.id, name: displayNameOf(user) },
      ip: context.ip,
      userAgent: context.userAgent,
      details: {
        ...change.details,
        change: change.change,
        way: change.way,
        sessionsEnded,
        notified: recipients.map((r) => r.email),
      },
    });
    if (removal)
      await this.events.emit(manager, WebhookEvent.SecondFactorRemoved, {
        userId: user.id,
        userName: displayNameOf(user),
        clientId: client?.id ?? null,
        change: change.change,
        way: change.way,
        entryId: entry.id,
      });
    await this.notices.tellFactorChange(manager, {
      user,
      client,
      kind: CredentialKind.SecondFactor,
      way: change.way,
      agentName: change.way === CredentialWay.Staff ? (context.staff?.displayName ?? null) : null,
      at: now,
      entryId: entry.id,
      change: change.change,
      recipients,
      sessionsEnded: sessionsEnded > 0,
    });
    return { entryId: entry.id };
  }

  /** Staff removed every factor of a customer (a verified caller and an approval were checked before). */
  async removeFactors(manager: EntityManager, change: Omit<FactorChangeNotice, 'change' | 'way'>): Promise<void> {
    await this.repository.deleteUserFactors(manager, change.user.id);
    await this.factorChanged(manager, {
      ...change,
      change: FactorChange.FactorsRemovedByStaff,
      way: CredentialWay.Staff,
    });
  }

  /** The same password under stronger hashing parameters, at sign-in: no change anyone must hear of. */
  rehash(manager: EntityManager, userId: number, passwordHash: string): Promise<void> {
    return this.repository.rehashUser(manager, userId, passwordHash);
  }

  /**
   * Before staff send a reset link or a temporary password: not to a locked user (unlock first,
   * with a reason), and not to an address staff set less than NEW_EMAIL_HOLD_HOURS ago.
   */
  assertStaffMaySendPassword(user: UserEntity): void {
    if (user.lockedAt) throw new DomainError(ErrorCode.UserLocked);
    const opensAt = emailHoldUntil(user, this.config.auth.newEmailHoldSeconds, this.clock.nowMs());
    if (opensAt) {
      throw new DomainError(ErrorCode.EmailRecentlyChanged, {
        hours: Math.round(this.config.auth.newEmailHoldSeconds / 3600),
        opensAt: opensAt.toISOString(),
      });
    }
  }

  private async apply(
    manager: EntityManager,
    change: UserChange,
    now: Date,
    kind: CredentialKind,
    rescueReason: RescueVoidReason,
    action: ActivityAction,
    emails?: { from: string; to: string },
  ): Promise<{ entryId: string; noticeEmailIds: number[] }> {
    const { user, client, context } = change;
    await this.repository.voidUserLinks(
      manager,
      user.id,
      now,
      rescueReason,
      (change as Partial<PasswordChange>).keepRevealId,
    );
    const sessionsEnded = await this.repository.endUserSessions(manager, user.id, change.keepSessionIdHash);
    const notified = CredentialNotices.recipientsOf({ user, emails });
    const entry = await this.audit.record(manager, {
      actor: this.actorOf(change),
      action,
      clientId: client?.id ?? null,
      subject: { type: SubjectType.User, id: user.id, name: displayNameOf(user) },
      ip: context.ip,
      userAgent: context.userAgent,
      details: { ...change.details, way: change.way, sessionsEnded, linksVoided: true, notified },
    });
    const noticeEmailIds = await this.notices.tellUser(manager, {
      user,
      client,
      kind,
      way: change.way,
      agentName: change.way === CredentialWay.Staff ? (context.staff?.displayName ?? null) : null,
      emails,
      at: now,
      entryId: entry.id,
    });
    const event = kind === CredentialKind.Password ? PASSWORD_EVENTS[change.way] : undefined;
    if (event)
      await this.events.emit(manager, event, {
        userId: user.id,
        userName: displayNameOf(user),
        clientId: client?.id ?? null,
        entryId: entry.id,
        ...(change.way === CredentialWay.Staff ? { staffId: context.staff?.id ?? null } : {}),
      });
    return { entryId: entry.id, noticeEmailIds };
  }

  private actorOf(change: UserChange): AuditActor {
    if (change.way === CredentialWay.Staff) return staffActor(change.context);
    return { type: ActorType.User, id: change.user.id, name: displayNameOf(change.user) };
  }
}
