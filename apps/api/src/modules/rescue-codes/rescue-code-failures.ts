import { Injectable } from '@nestjs/common';

import { ActivityAction, ActorType, ErrorCode, SubjectType } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditActor, AuditService } from '../audit/audit.service';
import { RateLimiter } from '../rate-limits/rate-limiter';
import { displayNameOf } from '../users/user-names';
import { RescueAccount, RescueName } from './rescue-accounts';
import { RescueCodeEntity } from './rescue-code.entity';
import { RescueCodeRepository } from './rescue-code.repository';
import { failedRedemptionLimits } from './rescue-limits';

export type RescueFailureReason = 'unknown_account' | 'no_code' | 'wrong_code' | 'used' | 'voided' | 'expired';

/** The customer behind a rescue code, as the trail names them. */
export function customerActor(account: RescueAccount): AuditActor {
  return { type: ActorType.User, id: account.user.id, name: displayNameOf(account.user) };
}

/**
 * A failed redemption: counted against the account and the IP (ten an hour each), a wrong code
 * against a live code (five void it), written to the trail with why, and answered with the one
 * generic 400 whatever the reason, so a guess learns nothing.
 */
@Injectable()
export class RescueCodeFailures {
  constructor(
    private readonly codes: RescueCodeRepository,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async record(
    name: RescueName,
    account: RescueAccount | null,
    row: RescueCodeEntity | null,
    reason: RescueFailureReason,
    context: RequestContext,
  ): Promise<never> {
    await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      await this.limiter.hit(manager, failedRedemptionLimits(this.config.rescue, name, context.ip));
      const live = row && !row.usedAt && !row.voidedAt && row.expiresAt > now.getTime();
      const voided =
        reason === 'wrong_code' && live
          ? await this.codes.countWrongTry(manager, row.id, now, this.config.rescue.wrongTriesPerCode)
          : false;
      await this.audit.record(manager, {
        actor: account ? customerActor(account) : { type: ActorType.User, id: null, name: 'unknown' },
        action: reason === 'expired' ? ActivityAction.UserRescueCodeExpired : ActivityAction.UserRescueCodeFailed,
        clientId: account?.client.id ?? null,
        subject: account
          ? { type: SubjectType.User, id: account.user.id, name: displayNameOf(account.user) }
          : undefined,
        ip: context.ip,
        userAgent: context.userAgent,
        details: { reason, rescueCodeId: row?.id ?? null, ...(voided ? { codeVoided: true } : {}) },
      });
    });
    throw new DomainError(ErrorCode.RescueCodeInvalid);
  }

  /**
   * The rescue code was right but the second proof (the app's code or a recovery code) was not:
   * counted against the account and the IP like a failed redemption, and answered as a wrong
   * second factor (whoever typed it had the mailed code: the code itself stays usable).
   */
  async secondFactor(name: RescueName, account: RescueAccount, context: RequestContext): Promise<never> {
    await this.transactions.run(async (manager) => {
      await this.limiter.hit(manager, failedRedemptionLimits(this.config.rescue, name, context.ip));
      await this.audit.record(manager, {
        actor: customerActor(account),
        action: ActivityAction.UserSecondFactorFailed,
        clientId: account.client.id,
        subject: { type: SubjectType.User, id: account.user.id, name: displayNameOf(account.user) },
        ip: context.ip,
        userAgent: context.userAgent,
        details: { during: 'rescue_code' },
      });
    });
    throw new DomainError(ErrorCode.SecondFactorInvalid);
  }
}
