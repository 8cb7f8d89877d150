import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import {
  ActivityAction,
  ActorType,
  CredentialKind,
  CredentialWay,
  emailHoldUntil,
  ErrorCode,
  RescueVoidReason,
  SubjectType,
} from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { staffActor } from '../audit/audit-actors';
import { AuditActor, AuditService } from '../audit/audit.service';
import { ClientEntity } from '../clients/client.entity';
import { UserEntity } from '../users/user.entity';
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
    return { entryId: entry.id, noticeEmailIds };
  }

  private actorOf(change: UserChange): AuditActor {
    if (change.way === CredentialWay.Staff) return staffActor(change.context);
    return { type: ActorType.User, id: change.user.id, name: displayNameOf(change.user) };
  }
}
