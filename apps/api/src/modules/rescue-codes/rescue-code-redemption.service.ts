import { randomBytes } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import {
  checkPassword,
  CredentialWay,
  ErrorCode,
  generatePassword,
  normalizeRescueCode,
  PasswordRejection,
  RescueRedemptionOutcome,
} from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { assertPasswordAccepted } from '../../common/validation/password-rules';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { PasswordHasher } from '../auth/password-hasher';
import { SignInThrottleService } from '../auth/sign-in-throttle.service';
import { UserCredentialsService } from '../credentials/user-credentials.service';
import { CustomerTwoFactorService } from '../customer-two-factor/customer-two-factor.service';
import { MailOutbox } from '../emails/mail-outbox';
import { RateLimiter } from '../rate-limits/rate-limiter';
import { ClientUserRepository } from '../users/client-user.repository';
import { displayNameOf } from '../users/user-names';
import { RescueAccount, RescueAccounts, RescueName } from './rescue-accounts';
import { RescueCodeHasher } from './rescue-code-hasher';
import { RescueCodeEntity } from './rescue-code.entity';
import { RescueCodeRepository } from './rescue-code.repository';
import { RescueCodeFailures } from './rescue-code-failures';
import { failedRedemptionLimits } from './rescue-limits';

export interface RescueRedeemForm {
  clientKey?: unknown;
  username?: unknown;
  code?: unknown;
  password?: unknown;
  /** For a user with a second factor: a code from the app, or a recovery code. */
  secondFactor?: unknown;
}

/** A code that works, with whom it is for; nothing is consumed yet. */
export interface AcceptedRescue {
  name: RescueName;
  account: RescueAccount;
  row: RescueCodeEntity;
}

/**
 * "Generate password" with a rescue code. Every failure (unknown account, wrong, used, voided or
 * expired code) is the same 400; failures are limited per account and per IP, and wrong codes
 * per code. The code is consumed by one conditional UPDATE in the transaction that sets the
 * password, so of concurrent redemptions exactly one wins.
 */
@Injectable()
export class RescueCodeRedemptionService {
  constructor(
    private readonly accounts: RescueAccounts,
    private readonly codes: RescueCodeRepository,
    private readonly hasher: RescueCodeHasher,
    private readonly limiter: RateLimiter,
    private readonly failures: RescueCodeFailures,
    private readonly memberships: ClientUserRepository,
    private readonly credentials: UserCredentialsService,
    private readonly twoFactor: CustomerTwoFactorService,
    private readonly throttle: SignInThrottleService,
    private readonly passwords: PasswordHasher,
    private readonly outbox: MailOutbox,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Whether the customer chooses the new password (the OWASP variant) rather than getting one by mail. */
  get customerChoosesPassword(): boolean {
    return this.config.rescue.customerChoosesPassword;
  }

  /**
   * A user with a second factor recovers with a second proof, and chooses the password on the
   * spot (nothing secret is mailed to them), whatever RESCUE_CUSTOMER_CHOOSES_PASSWORD says.
   */
  hasSecondFactor(accepted: AcceptedRescue): Promise<boolean> {
    return this.twoFactor.hasFactor(accepted.account.user.id);
  }

  get minLength(): number {
    return this.config.auth.passwordMinLength;
  }

  /** Checks the code without using it (the first step when the customer chooses the password). */
  async accept(form: RescueRedeemForm, context: RequestContext): Promise<AcceptedRescue> {
    const name = RescueAccounts.nameOf(form.clientKey, form.username);
    await this.limiter.assertUnder(failedRedemptionLimits(this.config.rescue, name, context.ip));
    const account = await this.accounts.find(name);
    if (!account) return this.failures.record(name, null, null, 'unknown_account', context);
    const row = await this.codes.newestOf(account.client.id, account.user.id);
    if (!row) return this.failures.record(name, account, null, 'no_code', context);
    const code = normalizeRescueCode(typeof form.code === 'string' ? form.code.slice(0, 32) : '');
    if (!code || !this.hasher.matches(account.client.id, account.user.id, code, row.codeHash)) {
      return this.failures.record(name, account, row, 'wrong_code', context);
    }
    if (row.usedAt) return this.failures.record(name, account, row, 'used', context);
    if (row.voidedAt) return this.failures.record(name, account, row, 'voided', context);
    if (row.expiresAt <= this.clock.nowMs()) return this.failures.record(name, account, row, 'expired', context);
    return { name, account, row };
  }

  /** The reasons a password the customer chose is refused (the OWASP variant); empty when it passes. */
  passwordRejections(accepted: AcceptedRescue, password: string): PasswordRejection[] {
    const check = checkPassword(password, this.policyContext(accepted.account), { minLength: this.minLength });
    return check.ok ? [] : check.reasons;
  }

  private policyContext({ user, client, username }: RescueAccount) {
    return { name: displayNameOf(user), email: user.email, username, clientKey: client.clientKey };
  }

  /**
   * Uses the code: a generated temporary password mailed to the registered addresses, or (the
   * OWASP variant) the password the customer chose; either way the credentials module's notice
   * tells the user's address, apart from the mails that carry the password.
   */
  async redeem(form: RescueRedeemForm, context: RequestContext): Promise<RescueRedemptionOutcome> {
    const accepted = await this.accept(form, context);
    const secondFactor = await this.twoFactor.hasFactor(accepted.account.user.id);
    const chooses = this.customerChoosesPassword || secondFactor;
    if (chooses && (typeof form.password !== 'string' || form.password === '')) {
      throw new DomainError(ErrorCode.ValidationFailed, {}, { password: { key: 'validation.isNotEmpty' } });
    }
    const proof = typeof form.secondFactor === 'string' ? form.secondFactor.slice(0, 32) : '';
    if (secondFactor && !proof.trim()) {
      throw new DomainError(ErrorCode.ValidationFailed, {}, { secondFactor: { key: 'validation.isNotEmpty' } });
    }
    const password = chooses ? (form.password as string) : generatePassword(randomBytes);
    if (chooses) assertPasswordAccepted(password, this.policyContext(accepted.account), this.minLength);
    // Hashed before the transaction: argon2 takes its time, and locks should not wait for it.
    const passwordHash = await this.passwords.hash(password);
    const outcome = chooses ? RescueRedemptionOutcome.PasswordChosen : RescueRedemptionOutcome.PasswordMailed;
    const recipients = chooses ? [] : await this.accounts.recipientsOf(accepted.account);
    const used = await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const {
        row,
        account: { user, client, username },
      } = accepted;
      // With a second factor, the mailed code alone is not enough (NIST SP 800-63B rev. 4: recovery
      // takes two proofs): the app's code or a recovery code, used up here, before the code is.
      const acting = { user, client, sessionIdHash: '', context };
      if (secondFactor && !(await this.twoFactor.prove(manager, acting, proof))) return 'wrong_second_factor';
      if (!(await this.codes.consume(manager, row.id, row.codeHash, now, context.ip, outcome))) return false;
      await this.liftLockouts(manager, user.id, user.email);
      const loginUrl = new URL('account/login', this.config.server.publicUrl).toString();
      const emailIds: number[] = [];
      for (const recipient of recipients) {
        const mail = await this.outbox.enqueue(manager, {
          clientId: client.id,
          userId: user.id,
          to: recipient.email,
          locale: client.language,
          template: 'rescue-password',
          data: {
            displayName: recipient.displayName,
            companyName: client.companyName,
            clientKey: client.clientKey,
            username,
            validHours: Math.round(this.config.auth.temporaryPasswordSeconds / 3600),
            loginUrl,
          },
          secrets: { password },
        });
        emailIds.push(mail.id);
      }
      const temporaryUntil = chooses
        ? null
        : new Date(now.getTime() + this.config.auth.temporaryPasswordSeconds * 1000);
      await this.credentials.changePassword(manager, {
        user,
        client,
        way: CredentialWay.RescueCode,
        context,
        passwordHash,
        temporaryUntil,
        details: { rescueCodeId: row.id, outcome, recipients: emailIds.length, emailIds, lockoutLifted: true },
      });
      return true;
    });
    if (used === 'wrong_second_factor') return this.failures.secondFactor(accepted.name, accepted.account, context);
    // Another redemption of the same code won the race: this one is a used code.
    if (!used) return this.failures.record(accepted.name, accepted.account, accepted.row, 'used', context);
    return outcome;
  }

  /** The seed's "bloqueo": a sign-in lockout on any name the user signs in with ends with the new password. */
  private async liftLockouts(manager: EntityManager, userId: number, email: string): Promise<void> {
    const names = [
      `user:${email}`,
      ...(await this.memberships.forUsers([userId], manager)).map(
        (membership) => `user:${membership.client.clientKey}/${membership.username}`,
      ),
    ];
    for (const name of names) await this.throttle.clearName(manager, name);
  }
}
