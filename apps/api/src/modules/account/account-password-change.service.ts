import { Injectable } from '@nestjs/common';

import { checkPassword, CredentialWay, ErrorCode, PasswordRejection } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { PasswordHasher } from '../auth/password-hasher';
import { SignInThrottleService } from '../auth/sign-in-throttle.service';
import { UserCredentialsService } from '../credentials/user-credentials.service';
import { UserSessionService } from '../user-sessions/user-session.service';
import { sameToken, throttleRefusal, userName } from './client-area-rules';
import { SignedInUser } from './client-area.service';

export interface PasswordChangeForm {
  csrfToken?: unknown;
  currentPassword?: unknown;
  password?: unknown;
  confirmation?: unknown;
}

export interface PasswordChangeRefusal {
  status: 400 | 403 | 429;
  retryAfter?: number;
  reasons: PasswordRejection[];
  currentError: { key: string; params?: Record<string, number> } | null;
  sameAsCurrent?: true;
  confirmationMismatch?: true;
  formExpired?: true;
}

export type CurrentPasswordRefusal = Required<Pick<PasswordChangeRefusal, 'status' | 'currentError'>> &
  Pick<PasswordChangeRefusal, 'retryAfter'>;

export type PasswordChangeOutcome = { kind: 'done'; cookieId: string } | ({ kind: 'refused' } & PasswordChangeRefusal);

/**
 * The customer chooses a password in the client area: forced after a temporary one, or by choice.
 * The forced change does not ask for the current password: the session reaches nothing but this
 * page and began by proving that very password, which the customer did not choose and usually
 * pasted from a mail; asking again would add typing errors, not safety.
 */
@Injectable()
export class AccountPasswordChangeService {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottleService,
    private readonly sessions: UserSessionService,
    private readonly credentials: UserCredentialsService,
    private readonly transactions: TransactionRunner,
    private readonly config: AppConfig,
  ) {}

  get minLength(): number {
    return this.config.auth.passwordMinLength;
  }

  async change(
    current: SignedInUser,
    form: PasswordChangeForm,
    context: RequestContext,
  ): Promise<PasswordChangeOutcome> {
    const refused = (
      fields: Partial<PasswordChangeRefusal> & Pick<PasswordChangeRefusal, 'status'>,
    ): PasswordChangeOutcome => ({ kind: 'refused', reasons: [], currentError: null, ...fields });
    const { user, session } = current;
    if (!sameToken(session.csrfToken, form.csrfToken)) return refused({ status: 403, formExpired: true });
    const forced = user.mustChangePassword;
    const keys = this.throttle.keysFor(`user:${user.email}`, context.ip ?? 'unknown');
    if (!forced) {
      const wrong = await this.checkCurrentPassword(current, form.currentPassword, context);
      if (wrong) return refused(wrong);
    }
    const password = typeof form.password === 'string' ? form.password : '';
    const check = checkPassword(password, this.policyContext(current), { minLength: this.minLength });
    if (!check.ok) return refused({ status: 400, reasons: check.reasons });
    if (await this.matches(user.passwordHash, password)) return refused({ status: 400, sameAsCurrent: true });
    if (form.confirmation !== password) return refused({ status: 400, confirmationMismatch: true });
    // Hashed before the transaction: argon2 takes its time, and locks should not wait for it.
    const passwordHash = await this.hasher.hash(password);
    const rotated = await this.transactions.run(async (manager) => {
      await this.throttle.recordSuccess(manager, keys);
      await this.credentials.changePassword(manager, {
        user,
        client: this.mailClient(current),
        way: CredentialWay.Customer,
        context,
        passwordHash,
        temporaryUntil: null,
        keepSessionIdHash: session.idHash,
        details: { forced },
      });
      return this.sessions.rotate(manager, session);
    });
    return { kind: 'done', cookieId: rotated.cookieId };
  }

  /**
   * The current password, asked before a signed-in change. Guesses count like sign-in failures, so
   * a stolen session is no oracle: null when it is right, else the refusal to show beside the field.
   */
  async checkCurrentPassword(
    current: SignedInUser,
    given: unknown,
    context: RequestContext,
  ): Promise<CurrentPasswordRefusal | null> {
    const keys = this.throttle.keysFor(`user:${current.user.email}`, context.ip ?? 'unknown');
    try {
      await this.throttle.assertAllowed(keys, () => Promise.resolve(false));
    } catch (error) {
      const refusal = throttleRefusal(error);
      if (!refusal) throw error;
      return {
        status: 429,
        retryAfter: refusal.retryAfter,
        currentError: { key: `account.login.${refusal.error.key}`, params: refusal.error.params },
      };
    }
    if (await this.matches(current.user.passwordHash, given)) return null;
    await this.transactions.run((manager) => this.throttle.recordFailure(manager, keys));
    return { status: 400, currentError: { key: 'account.change.currentWrong' } };
  }

  /** A wrong type, an empty field or one over 1 KiB is simply not the password. */
  private async matches(storedHash: string | null, given: unknown): Promise<boolean> {
    if (!storedHash || typeof given !== 'string' || given === '') return false;
    try {
      return await this.hasher.verify(storedHash, given);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.PasswordTooLong) return false;
      throw error;
    }
  }

  private policyContext(current: SignedInUser) {
    const membership = this.membership(current);
    return {
      name: userName(current.user),
      email: current.user.email,
      username: membership?.username,
      clientKey: membership?.client.clientKey,
    };
  }

  /** The client signed in to, else the first: its language and name go into the mail. */
  private membership(current: SignedInUser) {
    return current.memberships.find((m) => m.clientId === current.session.clientId) ?? current.memberships[0];
  }

  private mailClient(current: SignedInUser) {
    return this.membership(current)?.client ?? null;
  }
}
