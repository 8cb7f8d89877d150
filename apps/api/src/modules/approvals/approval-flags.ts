import { Injectable } from '@nestjs/common';

import { ApprovalFlag, ApprovalFlagKind, emailHoldUntil, USER_PASSWORD_ACTIONS_PER_DAY } from '@keydesk/domain';

import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { UserRepository } from '../users/user.repository';
import { ApprovalEntity } from './approval.entity';
import { ApprovalRepository } from './approval.repository';
import { PasswordActionCounts } from './password-action-counts';

const DAY_MS = 24 * 3600_000;

/** What the decider should know before approving: the patterns that precede account takeovers. */
@Injectable()
export class ApprovalFlags {
  constructor(
    private readonly counts: PasswordActionCounts,
    private readonly approvals: ApprovalRepository,
    private readonly users: UserRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async of(row: ApprovalEntity): Promise<ApprovalFlag[]> {
    const now = this.clock.nowMs();
    const flags: ApprovalFlag[] = [];
    const burst = await this.counts.byAgent(row.requestedBy, now);
    if (burst >= this.config.activity.burstPerHour)
      flags.push({ kind: ApprovalFlagKind.AgentBurst, count: burst, limit: this.config.activity.burstPerHour });
    const denied = await this.approvals.countDeniedOf(row.requestedBy, now - 30 * DAY_MS);
    if (denied > 0) flags.push({ kind: ApprovalFlagKind.RequesterDenied, count: denied });
    if (row.userId === null) return flags;
    const onUser = await this.counts.onUser(row.userId, now);
    if (onUser >= USER_PASSWORD_ACTIONS_PER_DAY)
      flags.push({ kind: ApprovalFlagKind.UserPasswordActions, count: onUser, limit: USER_PASSWORD_ACTIONS_PER_DAY });
    const reported = await this.counts.lastReport(row.userId, now);
    if (reported) flags.push({ kind: ApprovalFlagKind.ReportedByCustomer, at: reported.toISOString() });
    const user = await this.users.findById(row.userId);
    if (user?.lockedAt) flags.push({ kind: ApprovalFlagKind.UserLocked, at: user.lockedAt.toISOString() });
    const opensAt = user && emailHoldUntil(user, this.config.auth.newEmailHoldSeconds, now);
    if (opensAt) flags.push({ kind: ApprovalFlagKind.EmailRecentlyChanged, at: opensAt.toISOString() });
    return flags;
  }
}
