import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import {
  ActivityAction,
  ActorType,
  ErrorCode,
  SECOND_FACTOR_TRIES,
  SecondFactorChallenge,
  SecondFactorMethod,
  SessionStaff,
  StaffStatus,
  SubjectType,
} from '@keydesk/domain';

import { StaffCredentialsService } from '../credentials/staff-credentials.service';
import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import { StaffEntity } from '../staff/staff.entity';
import { toSessionStaff } from '../staff/staff.mapper';
import { StaffRepository } from '../staff/staff.repository';
import { SecondFactorProof, TwoFactorService } from '../two-factor/two-factor.service';
import { PasswordHasher } from './password-hasher';
import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { SignInThrottleService, ThrottleKeys } from './sign-in-throttle.service';
import { SignInMethod, StaffSessionEntity } from './staff-session.entity';
import { StaffSessionRepository } from './staff-session.repository';
import { StaffSessionService, StartedStaffSession } from './staff-session.service';

type FailureReason = 'unknown_name' | 'wrong_password' | 'disabled';

/** A sign-in that succeeded: the staff member and the new session (its cookie id goes to the browser only). */
/** What proves oneself again: a second factor, or the password where none is required and there is none. */
export type StepUpProof = SecondFactorProof | { method: 'password'; password: string };

export interface SignInResult {
  staff: SessionStaff;
  cookieId: string;
  csrfToken: string;
  /** Set when the session waits for a second factor (or an enrolment). */
  challenge: SecondFactorChallenge | null;
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
    private readonly sessionRows: StaffSessionRepository,
    private readonly twoFactor: TwoFactorService,
    private readonly config: AppConfig,
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
    const methods = await this.twoFactor.methodsOf(staff.id);
    const pending = methods.length > 0 || this.config.auth.staffTwoFactor === 'required';
    const started = await this.transactions.run(async (manager) => {
      if (previousIdHash) await this.sessions.end(previousIdHash, manager);
      if (rehash) await this.credentials.rehash(manager, staff.id, rehash);
      // With a second factor due, the sign-in is recorded (and the counters cleared) once it is proved.
      if (!pending) await this.recordSignIn(manager, staff, keys, context, 'password', rehash !== null);
      return this.sessions.start(manager, staff.id, context, pending);
    });
    return {
      staff: toSessionStaff(staff),
      cookieId: started.cookieId,
      csrfToken: started.session.csrfToken,
      challenge: pending ? this.challengeFor(methods, started.session.csrfToken) : null,
    };
  }

  /** What a half-signed session still has to do, for its answers. */
  async challenge(session: StaffSessionEntity): Promise<SecondFactorChallenge> {
    return this.challengeFor(await this.twoFactor.methodsOf(session.staffId), session.csrfToken);
  }

  /**
   * The second step of a sign-in: the factor is proved (and used up) and the session becomes a
   * signed-in one under a new id. A wrong code counts like a wrong password, and the fifth ends
   * the half-signed session.
   */
  async proveSecondFactor(
    session: StaffSessionEntity,
    staff: SessionStaff,
    proof: SecondFactorProof,
    context: RequestContext,
  ): Promise<SignInResult> {
    const { method } = proof;
    const ip = context.ip ?? 'unknown';
    const keys = this.throttle.keysFor(staff.username, ip);
    await this.throttle.assertAllowed(keys, () => this.throttleRepository.isKnownIp(staff.id, ip));
    const started = await this.transactions.run(async (manager) => {
      if (!(await this.twoFactor.prove(manager, staff.id, proof, context))) return null;
      await this.recordSignIn(manager, staff, keys, context, method, false);
      return this.sessions.promote(manager, session, method);
    });
    if (!started) {
      await this.recordSecondFactorFailure(session, staff, keys, method, context);
      throw new DomainError(ErrorCode.SecondFactorInvalid);
    }
    return { staff, cookieId: started.cookieId, csrfToken: started.session.csrfToken, challenge: null };
  }

  /**
   * Proving oneself again before sensitive actions: a second factor when the staff member has one,
   * else (where none is required) the password. A wrong one counts like a wrong sign-in.
   */
  async stepUp(
    session: StaffSessionEntity,
    staff: SessionStaff,
    proof: StepUpProof,
    context: RequestContext,
  ): Promise<void> {
    const { method } = proof;
    const ip = context.ip ?? 'unknown';
    const keys = this.throttle.keysFor(staff.username, ip);
    await this.throttle.assertAllowed(keys, () => this.throttleRepository.isKnownIp(staff.id, ip));
    const methods = await this.twoFactor.methodsOf(staff.id);
    const byPassword = method === 'password';
    if (byPassword ? methods.length > 0 || this.config.auth.staffTwoFactor === 'required' : !methods.includes(method)) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        {},
        {
          method: {
            key: 'validation.isIn',
            params: { values: [...methods, ...(methods.length ? [] : ['password'])].join(', ') },
          },
        },
      );
    }
    const proved = await this.transactions.run(async (manager) => {
      const ok =
        proof.method === 'password'
          ? await this.passwordMatches(staff.id, proof.password)
          : await this.twoFactor.prove(manager, staff.id, proof, context);
      if (!ok) return false;
      await this.sessionRows.markSteppedUp(manager, session.idHash, this.clock.nowMs());
      await this.recordOwn(manager, staff, ActivityAction.StaffSteppedUp, context, { method });
      return true;
    });
    if (proved) return;
    await this.recordSecondFactorFailure(null, staff, keys, method, context);
    throw new DomainError(byPassword ? ErrorCode.InvalidCredentials : ErrorCode.SecondFactorInvalid);
  }

  private async passwordMatches(staffId: number, password: string): Promise<boolean> {
    const staff = await this.staff.findWithRoles(staffId);
    return staff !== null && (await this.hasher.verify(staff.passwordHash, password));
  }

  /** Enrolment was the second step (the policy requires a factor and there was none): the sign-in completes. */
  async completeEnrolment(
    session: StaffSessionEntity,
    staff: SessionStaff,
    context: RequestContext,
    method: SignInMethod = SecondFactorMethod.Totp,
  ): Promise<StartedStaffSession> {
    const keys = this.throttle.keysFor(staff.username, context.ip ?? 'unknown');
    return this.transactions.run(async (manager) => {
      await this.recordSignIn(manager, staff, keys, context, method, false);
      return this.sessions.promote(manager, session, method);
    });
  }

  private challengeFor(methods: SecondFactorMethod[], csrfToken: string): SecondFactorChallenge {
    return { secondFactor: { required: true, methods, enrolmentRequired: methods.length === 0 }, csrfToken };
  }

  private async recordSignIn(
    manager: EntityManager,
    staff: Pick<StaffEntity, 'id' | 'displayName'>,
    keys: ThrottleKeys,
    context: RequestContext,
    method: SignInMethod,
    rehashed: boolean,
  ): Promise<void> {
    await this.throttle.recordSuccess(manager, keys);
    await this.throttleRepository.rememberIp(manager, staff.id, context.ip ?? 'unknown', this.clock.nowMs());
    await this.staff.recordSignIn(manager, staff.id, this.clock.now(), context.ip, context.locale);
    await this.recordOwn(manager, staff, ActivityAction.StaffSignedIn, context, {
      method,
      ...(rehashed ? { rehashedToCurrentParameters: true } : {}),
    });
  }

  /**
   * A wrong factor counts like a wrong password. At sign-in (a half-signed `session`) the fifth
   * ends the session; at a step-up (`session` null) the signed-in session stays.
   */
  private async recordSecondFactorFailure(
    session: StaffSessionEntity | null,
    staff: SessionStaff,
    keys: ThrottleKeys,
    method: StepUpProof['method'],
    context: RequestContext,
  ): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.throttle.recordFailure(manager, keys);
      if (!session) {
        await this.recordOwn(manager, staff, ActivityAction.StaffSecondFactorFailed, context, { method, stepUp: true });
        return;
      }
      const failures = await this.sessionRows.countFailedSecondFactor(manager, session.idHash);
      const sessionEnded = failures >= SECOND_FACTOR_TRIES;
      if (sessionEnded) await this.sessions.end(session.idHash, manager);
      await this.recordOwn(manager, staff, ActivityAction.StaffSecondFactorFailed, context, {
        method,
        failures,
        sessionEnded,
      });
    });
  }

  /** An entry a staff member's own sign-in, step-up or sign-out writes about them. */
  private recordOwn(
    manager: EntityManager,
    staff: Pick<StaffEntity, 'id' | 'displayName'>,
    action: ActivityAction,
    context: RequestContext,
    details?: Record<string, unknown>,
  ): Promise<unknown> {
    return this.audit.record(manager, {
      actor: { type: ActorType.Staff, id: staff.id, name: staff.displayName },
      action,
      subject: { type: SubjectType.Staff, id: staff.id, name: staff.displayName },
      ip: context.ip,
      userAgent: context.userAgent,
      details,
    });
  }

  /** Ends the session in the database (not just the cookie) and logs it. */
  async signOut(context: RequestContext, sessionIdHash: string): Promise<void> {
    const staff = context.staff;
    if (!staff) return;
    await this.transactions.run(async (manager) => {
      await this.sessions.end(sessionIdHash, manager);
      await this.recordOwn(manager, staff, ActivityAction.StaffSignedOut, context);
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
