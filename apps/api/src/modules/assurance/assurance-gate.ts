import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import {
  ActivityAction,
  AssuredAction,
  CallerCheckedAction,
  ErrorCode,
  USER_PASSWORD_ACTIONS_PER_DAY,
} from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { AuditRepository } from '../audit/audit.repository';
import { AuditService } from '../audit/audit.service';
import { approvalEntry } from '../approvals/approval-entry';
import { ApprovalRepository } from '../approvals/approval.repository';
import { PasswordActionCounts } from '../approvals/password-action-counts';
import { CallerVerificationRepository } from '../caller-verification/caller-verification.repository';
import { AssurancePolicyService } from './assurance-policy.service';

/** An action that may need a verified caller or a second person. */
export interface GuardedAction {
  action: CallerCheckedAction | typeof AssuredAction.StaffFactorsReset;
  /** The user acted on (user.* actions) or the staff member (staff.*). */
  userId?: number;
  staffId?: number;
  /** A reset link or temporary password: counts toward the limits per user and per agent. */
  passwordAction?: boolean;
  /** The approval the agent names, to be used by this action. */
  approvalId?: number;
  /** The client the action goes through, for the approval's "used" entry. */
  clientId?: number | null;
}

/** Actions that take a second person every time (the removal also takes a verified caller). */
const ALWAYS_APPROVED: readonly AssuredAction[] = [AssuredAction.StaffFactorsReset, AssuredAction.SecondFactorRemoval];

interface Need {
  code: typeof ErrorCode.CallerNotVerified | typeof ErrorCode.ApprovalRequired;
  action: AssuredAction;
}

/**
 * Whether an agent may take an action that changes where access goes, now: a staff member's
 * factors always take an approval, a customer's second factor a verified caller and an approval; a password action past the limits (more than
 * USER_PASSWORD_ACTIONS_PER_DAY on one user in 24 hours, or more than ACTIVITY_BURST_THRESHOLD by
 * one agent in an hour) takes one too, which then covers the whole action; otherwise an action the
 * policy names takes a caller this agent verified within CALLER_VERIFICATION_MINUTES, or an approval.
 *
 * `precheck` refuses early, before the action's slow parts (hashing a password); `enforce` decides
 * inside the action's transaction, where an approval is used exactly once and the limits are
 * counted behind the trail's lock, so two actions at once cannot both be the one under the limit.
 */
@Injectable()
export class AssuranceGate {
  constructor(
    private readonly policy: AssurancePolicyService,
    private readonly verifications: CallerVerificationRepository,
    private readonly approvals: ApprovalRepository,
    private readonly counts: PasswordActionCounts,
    private readonly auditHead: AuditRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async precheck(context: RequestContext, guarded: GuardedAction): Promise<void> {
    await this.assertPersonWhereNeeded(context, guarded);
    await this.assertVerifiedWhereBoth(context, guarded);
    if (guarded.approvalId !== undefined) return;
    const need = await this.need(context, guarded);
    if (need) throw new DomainError(need.code, { action: need.action });
  }

  async enforce(manager: EntityManager, context: RequestContext, guarded: GuardedAction): Promise<void> {
    if (guarded.passwordAction) await this.auditHead.lockHead(manager);
    await this.assertPersonWhereNeeded(context, guarded);
    await this.assertVerifiedWhereBoth(context, guarded);
    const need = await this.need(context, guarded, manager);
    if (guarded.approvalId === undefined) {
      if (need) throw new DomainError(need.code, { action: need.action });
      return;
    }
    // Named, an approval is used even where nothing needed it any more: it allowed one action, this one.
    const actions: AssuredAction[] = need
      ? [need.action]
      : [guarded.action, ...(guarded.passwordAction ? [AssuredAction.PasswordActionOverLimit] : [])];
    const use = {
      id: guarded.approvalId,
      requestedBy: context.staff!.id,
      actions,
      userId: guarded.userId ?? null,
      staffId: guarded.userId === undefined ? (guarded.staffId ?? null) : null,
    };
    if (!(await this.approvals.use(manager, use, this.clock.nowMs())))
      throw new DomainError(ErrorCode.ApprovalNotUsable);
    const row = (await this.approvals.findById(use.id, manager))!;
    await this.audit.record(
      manager,
      approvalEntry(ActivityAction.ApprovalUsed, row, guarded.clientId ?? null, context),
    );
  }

  /** A token verifies no caller and asks no one for an approval: where either is needed, it is refused. */
  private async assertPersonWhereNeeded(context: RequestContext, guarded: GuardedAction): Promise<void> {
    if (!context.staff?.apiToken) return;
    if (guarded.approvalId !== undefined || (await this.need(context, guarded)))
      throw new DomainError(ErrorCode.TokenNotAllowed);
  }

  /** Removing a customer's second factor takes a verified caller whatever the policy, and an approval besides. */
  private async assertVerifiedWhereBoth(context: RequestContext, guarded: GuardedAction): Promise<void> {
    if (guarded.action !== AssuredAction.SecondFactorRemoval) return;
    if (!context.staff) throw new DomainError(ErrorCode.NotAuthenticated);
    if (!(await this.verifications.active(context.staff.id, guarded.userId!, this.clock.nowMs())))
      throw new DomainError(ErrorCode.CallerNotVerified, { action: guarded.action, variant: 'andApproval' });
  }

  private async need(context: RequestContext, guarded: GuardedAction, manager?: EntityManager): Promise<Need | null> {
    if (!context.staff) throw new DomainError(ErrorCode.NotAuthenticated);
    if (ALWAYS_APPROVED.includes(guarded.action)) return { code: ErrorCode.ApprovalRequired, action: guarded.action };
    const now = this.clock.nowMs();
    const userId = guarded.userId!;
    if (guarded.passwordAction) {
      const onUser = await this.counts.onUser(userId, now, manager);
      const byAgent = await this.counts.byAgent(context.staff.id, now, manager);
      if (onUser >= USER_PASSWORD_ACTIONS_PER_DAY || byAgent >= this.config.activity.burstPerHour)
        return { code: ErrorCode.ApprovalRequired, action: AssuredAction.PasswordActionOverLimit };
    }
    const { verifiedCallerFor } = await this.policy.get();
    if (!(verifiedCallerFor as readonly string[]).includes(guarded.action)) return null;
    const verified = await this.verifications.active(context.staff.id, userId, now);
    return verified ? null : { code: ErrorCode.CallerNotVerified, action: guarded.action };
  }
}
