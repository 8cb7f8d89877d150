import { Injectable } from '@nestjs/common';

import { ActivityAction, ActorType, ErrorCode, SessionStaff, StaffStatus, SubjectType } from '@keydesk/domain';

import { StaffCredentialsService } from '../credentials/staff-credentials.service';
import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import { StaffEntity } from '../staff/staff.entity';
import { toSessionStaff } from '../staff/staff.mapper';
import { StaffRepository } from '../staff/staff.repository';
import { PasswordHasher } from './password-hasher';
import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { SignInThrottleService, ThrottleKeys } from './sign-in-throttle.service';
import { StaffSessionService } from './staff-session.service';

type FailureReason = 'unknown_name' | 'wrong_password' | 'disabled';

/** A sign-in that succeeded: the staff member and the new session (its cookie id goes to the browser only). */
export interface SignInResult {
  staff: SessionStaff;
  cookieId: string;
  csrfToken: string;
}

/**
 * Staff sign-in: throttle first, then one password check whatever the name (a dummy hash for
 * unknown names), one generic answer for every failure, and every outcome in the audit trail.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottleService,
    private readonly throttleRepository: SignInThrottleRepository,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly credentials: StaffCredentialsService,
    private readonly sessions: StaffSessionService,
  ) {}

  /** `previousIdHash`: a session the browser still had, which ends (a new id at every sign-in). */
  async signIn(
    login: string,
    password: string,
    context: RequestContext,
    previousIdHash?: string,
  ): Promise<SignInResult> {
    const ip = context.ip ?? 'unknown';
    const keys = this.throttle.keysFor(login, ip);
    const staff = await this.staff.findByLogin(login);
    await this.throttle.assertAllowed(keys, () =>
      staff ? this.throttleRepository.isKnownIp(staff.id, ip) : Promise.resolve(false),
    );
    const matches = staff
      ? await this.hasher.verify(staff.passwordHash, password)
      : await this.hasher.verifyAgainstDummy(password);
    if (!staff || !matches || staff.status !== StaffStatus.Active) {
      const reason: FailureReason = !staff ? 'unknown_name' : !matches ? 'wrong_password' : 'disabled';
      await this.recordFailure(keys, staff, reason, context);
      throw new DomainError(ErrorCode.InvalidCredentials);
    }
    const rehash = this.hasher.needsRehash(staff.passwordHash) ? await this.hasher.hash(password) : null;
    const started = await this.transactions.run(async (manager) => {
      if (previousIdHash) await this.sessions.end(previousIdHash, manager);
      await this.throttle.recordSuccess(manager, keys);
      await this.throttleRepository.rememberIp(manager, staff.id, ip, this.clock.nowMs());
      await this.staff.recordSignIn(manager, staff.id, this.clock.now(), context.ip, context.locale);
      if (rehash) await this.credentials.rehash(manager, staff.id, rehash);
      await this.audit.record(manager, {
        actor: { type: ActorType.Staff, id: staff.id, name: staff.displayName },
        action: ActivityAction.StaffSignedIn,
        subject: { type: SubjectType.Staff, id: staff.id, name: staff.displayName },
        ip: context.ip,
        userAgent: context.userAgent,
        details: rehash ? { rehashedToCurrentParameters: true } : {},
      });
      return this.sessions.start(manager, staff.id, context, 'password');
    });
    return { staff: toSessionStaff(staff), cookieId: started.cookieId, csrfToken: started.session.csrfToken };
  }

  /** Ends the session in the database (not just the cookie) and logs it. */
  async signOut(context: RequestContext, sessionIdHash: string): Promise<void> {
    const staff = context.staff;
    if (!staff) return;
    await this.transactions.run(async (manager) => {
      await this.sessions.end(sessionIdHash, manager);
      await this.audit.record(manager, {
        actor: { type: ActorType.Staff, id: staff.id, name: staff.displayName },
        action: ActivityAction.StaffSignedOut,
        subject: { type: SubjectType.Staff, id: staff.id, name: staff.displayName },
        ip: context.ip,
        userAgent: context.userAgent,
      });
    });
  }

  private async recordFailure(
    keys: ThrottleKeys,
    staff: StaffEntity | null,
    reason: FailureReason,
    context: RequestContext,
  ) {
    // The typed name of an unknown account is not kept: people type passwords into name fields.
    const actor = { type: ActorType.Staff, id: staff?.id ?? null, name: staff?.displayName ?? 'unknown' };
    const subject = staff ? { type: SubjectType.Staff, id: staff.id, name: staff.displayName } : undefined;
    await this.transactions.run(async (manager) => {
      const { lockedOut } = await this.throttle.recordFailure(manager, keys);
      await this.audit.record(manager, {
        actor,
        subject,
        action: ActivityAction.StaffSignInFailed,
        ip: context.ip,
        userAgent: context.userAgent,
        details: { reason },
      });
      if (lockedOut) {
        await this.audit.record(manager, {
          actor,
          subject,
          action: ActivityAction.StaffLockedOut,
          ip: context.ip,
          userAgent: context.userAgent,
          details: { minutes: 15 },
        });
      }
    });
  }
}
