import { Injectable } from '@nestjs/common';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { EntityManager } from 'typeorm';

import {
  ActivityAction,
  ActorType,
  ErrorCode,
  normalizeRfc,
  SIGN_IN_THROTTLE,
  SubjectType,
  UserStatus,
} from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { SignInThrottleService, ThrottleKeys } from '../auth/sign-in-throttle.service';
import { UserCredentialsService } from '../credentials/user-credentials.service';
import { CustomerPasskeysService } from '../customer-two-factor/customer-passkeys.service';
import { UserFactorsRepository } from '../customer-two-factor/user-factors.repository';
import { ClientUserRepository } from '../users/client-user.repository';
import { UserEntity } from '../users/user.entity';
import { UserRepository } from '../users/user.repository';
import { UserSessionService } from '../user-sessions/user-session.service';
import { throttleRefusal, userName } from './client-area-rules';

export interface SignInForm {
  method?: unknown;
  email?: unknown;
  clientKey?: unknown;
  username?: unknown;
  password?: unknown;
}

/** Where a signed-in session goes next. */
export type SignInNext = 'second-factor' | 'enrol' | 'change' | 'home';

export type SignInOutcome =
  | { kind: 'signed-in'; cookieId: string; next: SignInNext }
  /** `error` is a key under account.login.*; one generic one for every wrong name or password. */
  | {
      kind: 'refused';
      status: 401 | 429;
      error: { key: string; params?: Record<string, number> };
      retryAfter?: number;
    };

type FailureReason = 'unknown_name' | 'wrong_password' | 'disabled' | 'locked' | 'temporary_expired';

/** Who the form names, before any password check. */
interface Target {
  method: 'email' | 'key';
  user: UserEntity | null;
  clientId: number | null;
  keys: ThrottleKeys;
}

/**
 * Client-area sign-in, as staff sign-in (AuthService) does it: throttle first, one password check
 * whatever the name (a dummy hash for unknown ones), one generic answer, every outcome recorded.
 * Throttle names are namespaced (`user:`) so a customer's name never shares staff counters. The
 * two ways of naming a user count apart; each is limited, and a lockout never says who exists.
 */
@Injectable()
export class AccountSignInService {
  constructor(
    private readonly users: UserRepository,
    private readonly memberships: ClientUserRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottleService,
    private readonly sessions: UserSessionService,
    private readonly credentials: UserCredentialsService,
    private readonly factors: UserFactorsRepository,
    private readonly passkeys: CustomerPasskeysService,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async signIn(form: SignInForm, context: RequestContext): Promise<SignInOutcome> {
    const target = await this.target(form, context.ip ?? 'unknown');
    const generic = {
      kind: 'refused',
      status: 401,
      error: { key: target.method === 'key' ? 'invalidKey' : 'invalidEmail' },
    } as const;
    const { user } = target;
    try {
      await this.throttle.assertAllowed(target.keys, () =>
        user && context.ip ? this.users.hasSignedInFrom(user.id, context.ip) : Promise.resolve(false),
      );
    } catch (error) {
      const refusal = throttleRefusal(error);
      if (!refusal) throw error;
      return { kind: 'refused', status: 429, error: refusal.error, retryAfter: refusal.retryAfter };
    }
    const password = typeof form.password === 'string' ? form.password : '';
    const matches = await this.verify(user, password);
    // A user the customer locked ("This wasn't me") gets the answer of a wrong password: whoever
    // typed it may be the person the lock is against.
    if (!user || !matches || user.status !== UserStatus.Active || user.lockedAt) {
      const reason = !user ? 'unknown_name' : !matches ? 'wrong_password' : user.lockedAt ? 'locked' : 'disabled';
      await this.recordFailure(target, reason, context);
      return generic;
    }
    // Said only to whoever typed the right password: it was real, but it ran out.
    if (user.mustChangePassword && user.passwordExpiresAt && user.passwordExpiresAt.getTime() <= this.clock.nowMs()) {
      await this.recordFailure(target, 'temporary_expired', context);
      return { kind: 'refused', status: 401, error: { key: 'temporaryExpired' } };
    }
    const rehash = this.hasher.needsRehash(user.passwordHash!) ? await this.hasher.hash(password) : null;
    const factors = await this.factors.detailOf(user.id);
    const secondFactorPending = factors.methods.length > 0;
    const enrolmentRequired = !secondFactorPending && factors.requiredByClient;
    const started = await this.transactions.run(async (manager) => {
      if (rehash) await this.credentials.rehash(manager, user.id, rehash);
      // With a second factor to come, the password alone neither counts as a sign-in nor clears
      // the throttle: otherwise each right password would buy five more guesses at the code.
      if (!secondFactorPending)
        await this.completeSignIn(manager, user, target.clientId, context, {
          method: target.method,
          keys: target.keys,
          ...(rehash ? { rehashedToCurrentParameters: true } : {}),
        });
      return this.sessions.start(manager, {
        userId: user.id,
        clientId: target.clientId,
        ip: context.ip,
        userAgent: context.userAgent,
        secondFactorPending,
        enrolmentRequired,
      });
    });
    return {
      kind: 'signed-in',
      cookieId: started.cookieId,
      next: secondFactorPending
        ? 'second-factor'
        : enrolmentRequired
          ? 'enrol'
          : user.mustChangePassword
            ? 'change'
            : 'home',
    };
  }

  /**
   * Signing in with a passkey alone: one the browser found answered an issued challenge with the
   * user verified by the authenticator (something held and something known or been: two factors
   * in one). The user must be active and not locked; a failure is recorded and answered as one.
   */
  async signInWithPasskey(response: AuthenticationResponseJSON, context: RequestContext): Promise<SignInOutcome> {
    const refused = { kind: 'refused', status: 401, error: { key: 'passkeyRefused' } } as const;
    const started = await this.transactions.run(async (manager) => {
      const userId = await this.passkeys.passwordless(manager, response);
      const user = userId === null ? null : await this.users.findById(userId, manager);
      if (!user || user.status !== UserStatus.Active || user.lockedAt) return { user, session: null };
      const clients = await this.memberships.forUsers([user.id], manager);
      const clientId = clients.length === 1 ? clients[0].clientId : null;
      const keys = this.throttle.keysFor(`user:${user.email}`, context.ip ?? 'unknown');
      await this.completeSignIn(manager, user, clientId, context, { keys, method: 'passkey' });
      const session = await this.sessions.start(manager, {
        userId: user.id,
        clientId,
        ip: context.ip,
        userAgent: context.userAgent,
      });
      return { user, session };
    });
    if (!started.session || !started.user) {
      await this.transactions.run((manager) =>
        this.audit.record(manager, {
          actor: {
            type: ActorType.User,
            id: started.user?.id ?? null,
            name: started.user ? userName(started.user) : 'unknown',
          },
          action: ActivityAction.UserSignInFailed,
          subject: started.user
            ? { type: SubjectType.User, id: started.user.id, name: userName(started.user) }
            : undefined,
          ip: context.ip,
          userAgent: context.userAgent,
          details: { reason: started.user ? 'disabled_or_locked' : 'passkey_not_verified', method: 'passkey' },
        }),
      );
      return refused;
    }
    return {
      kind: 'signed-in',
      cookieId: started.session.cookieId,
      next: started.user.mustChangePassword ? 'change' : 'home',
    };
  }

  /**
   * A sign-in is complete (the password, and the second factor where there is one): the throttle
   * forgets the name's failures, the sign-in is listed and recorded.
   */
  async completeSignIn(
    manager: EntityManager,
    user: UserEntity,
    clientId: number | null,
    context: RequestContext,
    how: { keys: ThrottleKeys } & Record<string, unknown>,
  ): Promise<void> {
    const { keys, ...details } = how;
    await this.throttle.recordSuccess(manager, keys);
    await this.users.recordSignIn(manager, {
      userId: user.id,
      clientId,
      occurredAt: this.clock.now(),
      ip: context.ip,
      userAgent: context.userAgent,
      succeeded: true,
    });
    await this.audit.record(manager, {
      actor: { type: ActorType.User, id: user.id, name: userName(user) },
      action: ActivityAction.UserSignedIn,
      clientId,
      subject: { type: SubjectType.User, id: user.id, name: userName(user) },
      ip: context.ip,
      userAgent: context.userAgent,
      details,
    });
  }

  private async target(form: SignInForm, ip: string): Promise<Target> {
    if (form.method === 'key') {
      const clientKey = normalizeRfc(text(form.clientKey, 20));
      const username = text(form.username, 64).trim().toLowerCase();
      const membership =
        clientKey && username ? await this.memberships.findByClientKeyAndUsername(clientKey, username) : null;
      return {
        method: 'key',
        user: membership?.user ?? null,
        clientId: membership?.clientId ?? null,
        keys: this.throttle.keysFor(`user:${clientKey}/${username}`, ip),
      };
    }
    const email = text(form.email, 254).trim().toLowerCase();
    const user = email ? await this.users.findByEmail(email) : null;
    // One client: the sign-in is that client's (its Log tab shows it); several: none in particular.
    const clients = user ? await this.memberships.forUsers([user.id]) : [];
    return {
      method: 'email',
      user,
      clientId: clients.length === 1 ? clients[0].clientId : null,
      keys: this.throttle.keysFor(`user:${email}`, ip),
    };
  }

  /** Always one argon2 verification, so timing does not tell a known name from an unknown one. */
  private async verify(user: UserEntity | null, password: string): Promise<boolean> {
    try {
      if (user?.passwordHash) return await this.hasher.verify(user.passwordHash, password);
      return await this.hasher.verifyAgainstDummy(password);
    } catch (error) {
      // Over 1 KiB is refused before hashing: for sign-in that is simply a wrong password.
      if (error instanceof DomainError && error.code === ErrorCode.PasswordTooLong) return false;
      throw error;
    }
  }

  private async recordFailure(target: Target, reason: FailureReason, context: RequestContext): Promise<void> {
    const { user } = target;
    // The typed name of an unknown account is not kept: people type passwords into name fields.
    const actor = { type: ActorType.User, id: user?.id ?? null, name: user ? userName(user) : 'unknown' };
    const subject = user ? { type: SubjectType.User, id: user.id, name: userName(user) } : undefined;
    const common = { actor, subject, clientId: target.clientId, ip: context.ip, userAgent: context.userAgent };
    await this.transactions.run(async (manager) => {
      // A right but expired temporary password is no guess: it does not count towards a block.
      const { lockedOut } =
        reason === 'temporary_expired' ? { lockedOut: false } : await this.throttle.recordFailure(manager, target.keys);
      if (user) {
        await this.users.recordSignIn(manager, {
          userId: user.id,
          clientId: target.clientId,
          occurredAt: this.clock.now(),
          ip: context.ip,
          userAgent: context.userAgent,
          succeeded: false,
        });
      }
      await this.audit.record(manager, {
        ...common,
        action: ActivityAction.UserSignInFailed,
        details: { reason, method: target.method },
      });
      if (lockedOut)
        await this.audit.record(manager, {
          ...common,
          action: ActivityAction.UserLockedOut,
          details: { minutes: SIGN_IN_THROTTLE.lockoutSeconds / 60 },
        });
    });
  }
}

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}
