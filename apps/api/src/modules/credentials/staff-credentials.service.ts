import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { ActivityAction, ActorType, SubjectType } from '@keydesk/domain';

import { RequestContext } from '../../common/http/request-context';
import { translate } from '../../common/i18n/translate';
import { Clock } from '../../common/time/clock';
import { staffActor } from '../audit/audit-actors';
import { AuditService } from '../audit/audit.service';
import { SignInThrottleService } from '../auth/sign-in-throttle.service';
import { StaffEntity } from '../staff/staff.entity';
import { CredentialNotices } from './credential-notices';
import { CredentialsRepository } from './credentials.repository';

export type StaffFactorChange =
  | 'passkey_added'
  | 'passkey_removed'
  | 'totp_added'
  | 'totp_removed'
  | 'recovery_codes_renewed'
  | 'recovery_code_used'
  | 'factors_reset';

const FACTOR_ACTIONS: Record<StaffFactorChange, ActivityAction> = {
  passkey_added: ActivityAction.StaffSecondFactorAdded,
  passkey_removed: ActivityAction.StaffSecondFactorRemoved,
  totp_added: ActivityAction.StaffSecondFactorAdded,
  totp_removed: ActivityAction.StaffSecondFactorRemoved,
  recovery_codes_renewed: ActivityAction.StaffRecoveryCodesRenewed,
  recovery_code_used: ActivityAction.StaffRecoveryCodeUsed,
  factors_reset: ActivityAction.StaffSecondFactorsReset,
};

export interface StaffPasswordChange {
  staff: StaffEntity;
  passwordHash: string;
  /** Who asks: the staff member themselves, an administrator, or the CLI (no staff in the context). */
  context: RequestContext;
  /** Their own change keeps the session that made it. */
  keepSessionIdHash?: string;
}

/**
 * Every change of a staff member's password (their own, an administrator's, the CLI's), with the
 * same consequences: their other sessions end, a sign-in lockout on their name is lifted, one
 * audit entry, and a notice to their address in their language, whoever made the change.
 */
@Injectable()
export class StaffCredentialsService {
  constructor(
    private readonly repository: CredentialsRepository,
    private readonly notices: CredentialNotices,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async changePassword(manager: EntityManager, change: StaffPasswordChange): Promise<void> {
    const { staff, context } = change;
    const now = this.clock.now();
    const byOwner = context.staff?.id === staff.id;
    await this.repository.setStaffPassword(manager, staff.id, change.passwordHash, now);
    const endedSessions = await this.repository.endStaffSessions(manager, staff.id, change.keepSessionIdHash);
    await this.throttle.clearName(manager, staff.username);
    const locale = staff.language ?? context.locale;
    const how = translate(
      locale,
      `credentials.staffWay.${byOwner ? 'self' : context.staff ? 'administrator' : 'cli'}`,
      {
        name: context.staff?.displayName ?? '',
      },
    );
    const emailId = await this.notices.tellStaff(
      manager,
      staff,
      { template: 'staff-password-changed', how },
      locale,
      now,
    );
    await this.audit.record(manager, {
      actor: staffActor(context),
      action: byOwner ? ActivityAction.StaffPasswordChanged : ActivityAction.StaffPasswordReset,
      ip: context.ip,
      userAgent: context.userAgent,
      subject: { type: SubjectType.Staff, id: staff.id, name: staff.displayName },
      details: { endedSessions, emailId, notified: [staff.email] },
    });
  }

  /**
   * A change of a staff member's second factors, made by the code that keeps them (TwoFactorService)
   * inside its transaction: one audit entry (never a code or secret) and a notice to their address.
   */
  async factorChanged(
    manager: EntityManager,
    staff: StaffEntity,
    change: StaffFactorChange,
    context: RequestContext,
    reason?: string,
  ): Promise<void> {
    const now = this.clock.now();
    // Someone else reset them: every session of the person ends, and they enrol again at the next sign-in.
    const endedSessions =
      change === 'factors_reset' ? await this.repository.endStaffSessions(manager, staff.id) : undefined;
    const locale = staff.language ?? context.locale;
    const what = translate(locale, `credentials.staffFactor.${change}`);
    const emailId = await this.notices.tellStaff(
      manager,
      staff,
      { template: 'staff-security-changed', what },
      locale,
      now,
    );
    await this.audit.record(manager, {
      // The command line resets as the system; the rest is done by someone signed in.
      actor:
        context.staff || change === 'factors_reset'
          ? staffActor(context)
          : { type: ActorType.Staff, id: staff.id, name: staff.displayName },
      action: FACTOR_ACTIONS[change],
      ip: context.ip,
      userAgent: context.userAgent,
      subject: { type: SubjectType.Staff, id: staff.id, name: staff.displayName },
      details: {
        method:
          change === 'factors_reset'
            ? 'all'
            : change.split('_')[0] === 'recovery'
              ? 'recovery_code'
              : change.split('_')[0],
        emailId,
        notified: [staff.email],
        ...(reason === undefined ? {} : { reason, endedSessions }),
      },
    });
  }

  /** The same password under stronger hashing parameters, at sign-in: no change anyone must hear of. */
  rehash(manager: EntityManager, staffId: number, passwordHash: string): Promise<void> {
    return this.repository.rehashStaff(manager, staffId, passwordHash);
  }
}
