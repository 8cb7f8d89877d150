import { Injectable } from '@nestjs/common';

import { checkPassword, CredentialWay, Locale, PasswordRejection } from '@keydesk/domain';

import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { PasswordHasher } from '../auth/password-hasher';
import { ClientEntity } from '../clients/client.entity';
import { ClientRepository } from '../clients/client.repository';
import { UserCredentialsService } from '../credentials/user-credentials.service';
import { PasswordResetTokenEntity } from '../password-resets/password-reset-token.entity';
import { PasswordResetRepository } from '../password-resets/password-reset.repository';
import { hashResetToken, ResetFormTokens } from '../password-resets/reset-token';
import { ClientUserRepository } from '../users/client-user.repository';
import { UserEntity } from '../users/user.entity';
import { UserRepository } from '../users/user.repository';

/** A link that still works, with whom it is for. */
export interface OpenReset {
  row: PasswordResetTokenEntity;
  user: UserEntity;
  client: ClientEntity;
  locale: Locale;
  formToken: string;
}

export interface ResetForm {
  password?: unknown;
  confirmation?: unknown;
  formToken?: unknown;
}

export type ResetOutcome =
  | { kind: 'done'; locale: Locale }
  /** Unknown, used, voided or expired: the same answer for all, so a guess learns nothing. */
  | { kind: 'invalid' }
  | {
      kind: 'refused';
      reset: OpenReset;
      status: 400 | 403;
      form?: true;
      confirmation?: true;
      reasons: PasswordRejection[];
    };

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The customer's side of a reset link: the form, the policy, and the one transaction that uses it. */
@Injectable()
export class PasswordResetCompletionService {
  private readonly formTokens: ResetFormTokens;

  constructor(
    private readonly resets: PasswordResetRepository,
    private readonly users: UserRepository,
    private readonly memberships: ClientUserRepository,
    private readonly clients: ClientRepository,
    private readonly hasher: PasswordHasher,
    private readonly credentials: UserCredentialsService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.formTokens = new ResetFormTokens(config.secrets.sessionSecret);
  }

  get minLength(): number {
    return this.config.auth.passwordMinLength;
  }

  async open(token: string): Promise<OpenReset | null> {
    if (!TOKEN_SHAPE.test(token)) return null;
    const row = await this.resets.findByHash(hashResetToken(token));
    if (!row || row.usedAt || row.voidedAt || row.expiresAt <= this.clock.nowMs()) return null;
    const [user, client] = await Promise.all([this.users.findById(row.userId), this.clients.findById(row.clientId)]);
    if (!user || !client) return null;
    return { row, user, client, locale: client.language, formToken: this.formTokens.issue(token) };
  }

  /** The language of a link's client even once it no longer works, so its page speaks it too. */
  async languageOf(token: string): Promise<Locale | null> {
    const row = TOKEN_SHAPE.test(token) ? await this.resets.findByHash(hashResetToken(token)) : null;
    return row ? ((await this.clients.findById(row.clientId))?.language ?? null) : null;
  }

  async complete(token: string, form: ResetForm, context: RequestContext): Promise<ResetOutcome> {
    const reset = await this.open(token);
    if (!reset) return { kind: 'invalid' };
    if (!this.formTokens.verify(token, form.formToken))
      return { kind: 'refused', reset, status: 403, form: true, reasons: [] };
    const password = typeof form.password === 'string' ? form.password : '';
    const check = checkPassword(password, await this.policyContext(reset), { minLength: this.minLength });
    if (!check.ok) return { kind: 'refused', reset, status: 400, reasons: check.reasons };
    if (form.confirmation !== password) return { kind: 'refused', reset, status: 400, confirmation: true, reasons: [] };
    // Hashed before the transaction: argon2 takes its time, and locks should not wait for it.
    const passwordHash = await this.hasher.hash(password);
    const used = await this.transactions.run(async (manager) => {
      if (!(await this.resets.consume(manager, reset.row.tokenHash, this.clock.now()))) return false;
      await this.credentials.changePassword(manager, {
        user: reset.user,
        client: reset.client,
        way: CredentialWay.ResetLink,
        context,
        passwordHash,
        temporaryUntil: null,
        details: { resetId: reset.row.id },
      });
      return true;
    });
    return used ? { kind: 'done', locale: reset.locale } : { kind: 'invalid' };
  }

  private async policyContext(reset: OpenReset) {
    const membership = await this.memberships.find(reset.client.id, reset.user.id);
    return {
      name: nameOf(reset.user),
      email: reset.user.email,
      username: membership?.username,
      clientKey: reset.client.clientKey,
    };
  }
}

function nameOf(user: UserEntity): string {
  return `${user.firstName} ${user.lastName}`.trim();
}
