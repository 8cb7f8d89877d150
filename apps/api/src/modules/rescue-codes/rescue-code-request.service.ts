import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import { Injectable } from '@nestjs/common';

import {
  ActivityAction,
  ActorType,
  ErrorCode,
  formatRescueCode,
  generateRescueCode,
  RESCUE_REQUEST_MIN_MILLISECONDS,
  RescueVoidReason,
  SubjectType,
} from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import { MailOutbox } from '../emails/mail-outbox';
import { RateLimiter } from '../rate-limits/rate-limiter';
import { displayNameOf } from '../users/user-names';
import { RescueAccount, RescueAccounts } from './rescue-accounts';
import { RescueCodeHasher } from './rescue-code-hasher';
import { RescueCodeEntity } from './rescue-code.entity';
import { RescueCodeRepository } from './rescue-code.repository';
import { requestLimits } from './rescue-limits';

export interface RescueRequestForm {
  clientKey?: unknown;
  username?: unknown;
}

/**
 * "Generate rescue code": a code for an active association, mailed to every registered address
 * of the client and to the user. The caller answers the same words and status whatever happened
 * (OWASP Forgot Password), and every answer takes at least RESCUE_REQUEST_MIN_MILLISECONDS, so
 * neither tells which accounts exist. Asking never locks or changes the account.
 */
@Injectable()
export class RescueCodeRequestService {
  constructor(
    private readonly accounts: RescueAccounts,
    private readonly codes: RescueCodeRepository,
    private readonly hasher: RescueCodeHasher,
    private readonly limiter: RateLimiter,
    private readonly outbox: MailOutbox,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  get validMinutes(): number {
    return Math.round(this.config.rescue.codeSeconds / 60);
  }

  async request(form: RescueRequestForm, context: RequestContext): Promise<void> {
    const startedAt = performance.now();
    try {
      const name = RescueAccounts.nameOf(form.clientKey, form.username);
      const missing = Object.entries(name).filter(([, value]) => !value);
      if (missing.length > 0) {
        throw new DomainError(
          ErrorCode.ValidationFailed,
          {},
          Object.fromEntries(missing.map(([field]) => [field, { key: 'validation.isNotEmpty' }])),
        );
      }
      await this.limiter.consume(requestLimits(this.config.rescue, name, context.ip));
      const account = await this.accounts.find(name);
      if (account) await this.issue(account, context);
      else await this.recordUnmatched(context);
    } finally {
      await sleep(Math.max(0, RESCUE_REQUEST_MIN_MILLISECONDS - (performance.now() - startedAt)));
    }
  }

  private async issue(account: RescueAccount, context: RequestContext): Promise<void> {
    const { client, user, username } = account;
    const code = generateRescueCode(randomBytes);
    const recipients = await this.accounts.recipientsOf(account);
    const { validMinutes } = this;
    const rescueUrl = new URL('account/rescue', this.config.server.publicUrl).toString();
    await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const row = await this.codes.insert(
        manager,
        Object.assign(new RescueCodeEntity(), {
          userId: user.id,
          clientId: client.id,
          codeHash: this.hasher.hash(client.id, user.id, code),
          recipients: recipients.length,
          failedAttempts: 0,
          expiresAt: now.getTime() + this.config.rescue.codeSeconds * 1000,
          usedAt: null,
          voidedAt: null,
          voidReason: null,
          outcome: null,
          requestedIp: context.ip,
          redeemedIp: null,
          createdAt: now,
        }),
      );
      await this.codes.voidLive(manager, user.id, now, RescueVoidReason.Newer, row.id);
      const emailIds: number[] = [];
      for (const recipient of recipients) {
        const mail = await this.outbox.enqueue(manager, {
          clientId: client.id,
          userId: user.id,
          to: recipient.email,
          locale: client.language,
          template: 'rescue-code',
          data: {
            displayName: recipient.displayName,
            companyName: client.companyName,
            clientKey: client.clientKey,
            username,
            validMinutes,
            rescueUrl,
          },
          secrets: { code: formatRescueCode(code) },
        });
        emailIds.push(mail.id);
      }
      const common = {
        actor: { type: ActorType.User, id: user.id, name: displayNameOf(user) },
        clientId: client.id,
        subject: { type: SubjectType.User, id: user.id, name: displayNameOf(user) },
        ip: context.ip,
        userAgent: context.userAgent,
      };
      await this.audit.record(manager, {
        ...common,
        action: ActivityAction.UserRescueCodeRequested,
        details: { matched: true, rescueCodeId: row.id },
      });
      await this.audit.record(manager, {
        ...common,
        action: ActivityAction.UserRescueCodeSent,
        details: {
          rescueCodeId: row.id,
          recipients: recipients.length,
          emailIds,
          expiresAt: new Date(row.expiresAt).toISOString(),
        },
      });
    });
  }

  /** Nothing matched: the request is still on the trail, without what was typed (it may be anything). */
  private async recordUnmatched(context: RequestContext): Promise<void> {
    await this.transactions.run((manager) =>
      this.audit.record(manager, {
        actor: { type: ActorType.User, id: null, name: 'unknown' },
        action: ActivityAction.UserRescueCodeRequested,
        ip: context.ip,
        userAgent: context.userAgent,
        details: { matched: false },
      }),
    );
  }
}
