import { Injectable } from '@nestjs/common';

import {
  ActivityAction,
  ActorType,
  ErrorCode,
  Locale,
  RescueVoidReason,
  SubjectType,
  UserLockReason,
  WebhookEvent,
} from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { staffActor } from '../audit/audit-actors';
import { AuditService } from '../audit/audit.service';
import { hashResetToken, ResetFormTokens } from '../password-resets/reset-token';
import { UserEntity } from '../users/user.entity';
import { displayNameOf } from '../users/user-names';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { CredentialReportEntity } from './credential-report.entity';
import { CredentialsRepository } from './credentials.repository';

/** A report link that still works, with what its notice told and its page's form token. */
export interface OpenReport {
  report: CredentialReportEntity;
  user: UserEntity;
  locale: Locale;
  formToken: string;
}

export type ReportOutcome =
  { kind: 'invalid' } | { kind: 'forged'; open: OpenReport } | { kind: 'locked'; locale: Locale };

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * "This wasn't me": a notice's link locks the user (every session ends, every link and code that
 * still works is voided, sign-in and rescue codes answer as to a wrong password) until a staff
 * member with users.manage unlocks it with a reason. Lock and unlock are audit entries.
 */
@Injectable()
export class AccountLocksService {
  /** The page has no session: its form carries an HMAC of the link's token instead of a CSRF token. */
  private readonly formTokens: ResetFormTokens;

  constructor(
    private readonly repository: CredentialsRepository,
    private readonly audit: AuditService,
    private readonly events: WebhookOutbox,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.formTokens = new ResetFormTokens(config.secrets.sessionSecret, 'credential-report');
  }

  /** The link's report, or null when unknown, used or expired (one page for all three). */
  async open(token: string): Promise<OpenReport | null> {
    if (!TOKEN_SHAPE.test(token)) return null;
    const report = await this.repository.findReportByHash(hashResetToken(token));
    if (!report || report.usedAt || report.expiresAt <= this.clock.nowMs()) return null;
    const [user, locale] = await Promise.all([
      this.repository.findUser(report.userId),
      this.repository.languageOfClient(report.clientId),
    ]);
    return user ? { report, user, locale: locale ?? 'es', formToken: this.formTokens.issue(token) } : null;
  }

  /** The language of a link's client even once it no longer works, so its page speaks it too. */
  async languageOf(token: string): Promise<Locale | null> {
    const report = TOKEN_SHAPE.test(token) ? await this.repository.findReportByHash(hashResetToken(token)) : null;
    return report ? this.repository.languageOfClient(report.clientId) : null;
  }

  /** Locks the user for the report: pressing the page's one button. */
  async confirm(token: string, formToken: unknown, context: RequestContext): Promise<ReportOutcome> {
    const open = await this.open(token);
    if (!open) return { kind: 'invalid' };
    if (!this.formTokens.verify(token, formToken)) return { kind: 'forged', open };
    const { report, user } = open;
    const done = await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      if (!(await this.repository.consumeReport(manager, report.id, now))) return false;
      await this.repository.lockUser(manager, user.id, now, UserLockReason.ReportedByCustomer);
      await this.repository.voidUserLinks(manager, user.id, now, RescueVoidReason.AccountLocked);
      const sessionsEnded = await this.repository.endUserSessions(manager, user.id);
      await this.repository.closeReportsOf(manager, user.id, now);
      await this.audit.record(manager, {
        actor: { type: ActorType.User, id: user.id, name: displayNameOf(user) },
        action: ActivityAction.UserChangeReported,
        clientId: report.clientId,
        subject: { type: SubjectType.User, id: user.id, name: displayNameOf(user) },
        ip: context.ip,
        userAgent: context.userAgent,
        details: {
          reportedEntryId: report.changeEntryId,
          change: report.changeKind,
          way: report.changeWay,
          changedAt: report.changedAt.toISOString(),
          reason: UserLockReason.ReportedByCustomer,
          sessionsEnded,
          linksVoided: true,
        },
      });
      await this.events.emit(manager, WebhookEvent.UserLocked, {
        userId: user.id,
        userName: displayNameOf(user),
        clientId: report.clientId,
        reason: UserLockReason.ReportedByCustomer,
        reportedEntryId: report.changeEntryId,
      });
      return true;
    });
    return done ? { kind: 'locked', locale: open.locale } : { kind: 'invalid' };
  }

  async unlock(userId: number, reason: string, context: RequestContext): Promise<void> {
    await this.transactions.run(async (manager) => {
      const user = await this.repository.findUser(userId, manager);
      if (!user) throw new DomainError(ErrorCode.NotFound, { resource: 'user' });
      const lockedAt = user.lockedAt;
      if (!lockedAt || !(await this.repository.unlockUser(manager, userId)))
        throw new DomainError(ErrorCode.UserNotLocked);
      await this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.UserUnlocked,
        subject: { type: SubjectType.User, id: userId, name: displayNameOf(user) },
        ip: context.ip,
        userAgent: context.userAgent,
        details: { reason, lockedAt: lockedAt.toISOString(), lockReason: user.lockReason },
      });
    });
  }
}
