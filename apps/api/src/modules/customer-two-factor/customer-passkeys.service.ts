import { Injectable } from '@nestjs/common';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { EntityManager } from 'typeorm';

import { ErrorCode, FactorChange } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import {
  authenticationOptions,
  registrationOptions,
  RelyingParty,
  relyingPartyOf,
  verifiedAssertion,
  verifiedRegistration,
} from '../two-factor/passkeys';
import { UserSessionRepository } from '../user-sessions/user-session.repository';
import { UserEntity } from '../users/user.entity';
import { displayNameOf } from '../users/user-names';
import { CustomerActing, CustomerTwoFactorService } from './customer-two-factor.service';
import { UserFactorsRepository } from './user-factors.repository';

/** A passkey sign-in without a password has this long to answer its challenge. */
const PASSWORDLESS_CHALLENGE_MS = 5 * 60_000;

/**
 * Customers' passkeys (WebAuthn through @simplewebauthn/server, the relying party PUBLIC_URL as for
 * staff): added on the Security page, used as the second step after the password, or alone at
 * sign-in (a passkey the browser finds, with the user verified by the authenticator: possession
 * and a PIN or biometric, two factors in one). Every challenge answers once: a session's is kept on
 * the session, a password-less sign-in's in passkey_challenges, so any api process may get the answer.
 */
@Injectable()
export class CustomerPasskeysService {
  private readonly rp: RelyingParty;

  constructor(
    private readonly factors: UserFactorsRepository,
    private readonly sessions: UserSessionRepository,
    private readonly twoFactor: CustomerTwoFactorService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.rp = relyingPartyOf(config.server.publicUrl);
  }

  async registrationOptions(user: UserEntity, sessionIdHash: string): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const owner = { handle: `keydesk-user-${user.id}`, userName: user.email, displayName: displayNameOf(user) };
    const options = await registrationOptions(this.rp, owner, await this.factors.passkeysOf(user.id));
    await this.transactions.run((manager) => this.sessions.setChallenge(manager, sessionIdHash, options.challenge));
    return options;
  }

  /**
   * Keeps the new passkey if it answers the session's challenge; the first factor comes with ten
   * recovery codes (answered, to be shown once). Null: the answer was not valid.
   */
  async register(
    acting: CustomerActing,
    name: string,
    response: RegistrationResponseJSON,
  ): Promise<{ recoveryCodes: string[] | null } | null> {
    return this.transactions.run(async (manager) => {
      const challenge = await this.sessions.takeChallenge(manager, acting.sessionIdHash);
      const credential = challenge ? await verifiedRegistration(this.rp, challenge, response) : null;
      if (!credential) return null;
      const first = !(await this.twoFactor.hasFactor(acting.user.id));
      await this.factors.insertPasskey(manager, {
        userId: acting.user.id,
        ...credential,
        name,
        createdAt: this.clock.nowMs(),
        lastUsedAt: null,
      });
      const recoveryCodes = first ? await this.twoFactor.newRecoveryCodes(manager, acting.user.id) : null;
      await this.twoFactor.told(manager, acting, FactorChange.PasskeyAdded);
      return { recoveryCodes };
    });
  }

  /** Removes a passkey after a current proof (the app's code or a recovery code); false when that was wrong. */
  async remove(acting: CustomerActing, passkeyId: number, proof: string): Promise<boolean> {
    const { user } = acting;
    return this.transactions.run(async (manager) => {
      const detail = await this.factors.detailOf(user.id);
      if (!detail.passkeys.some((p) => p.id === passkeyId))
        throw new DomainError(ErrorCode.NotFound, { resource: 'route' });
      const last = detail.passkeys.length === 1 && !detail.totp;
      if (last && detail.requiredByClient) throw new DomainError(ErrorCode.TwoFactorRequired);
      if (!(await this.twoFactor.prove(manager, acting, proof))) return false;
      await this.factors.deletePasskey(manager, user.id, passkeyId);
      if (last) await this.factors.deleteRecoveryCodes(manager, user.id);
      await this.twoFactor.told(manager, acting, FactorChange.PasskeyRemoved);
      return true;
    });
  }

  /** The second step after the password: the user's passkeys, under the session's new challenge. */
  async secondStepOptions(userId: number, sessionIdHash: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const passkeys = await this.factors.passkeysOf(userId);
    if (passkeys.length === 0) throw new DomainError(ErrorCode.NotFound, { resource: 'route' });
    const options = await authenticationOptions(this.rp, passkeys);
    await this.transactions.run((manager) => this.sessions.setChallenge(manager, sessionIdHash, options.challenge));
    return options;
  }

  /** True when the assertion is one of the user's passkeys answering the session's challenge (used up). */
  async prove(manager: EntityManager, acting: CustomerActing, response: AuthenticationResponseJSON): Promise<boolean> {
    const challenge = await this.sessions.takeChallenge(manager, acting.sessionIdHash);
    const passkey = (await this.factors.passkeysOf(acting.user.id, manager)).find(
      (p) => p.credentialId === response?.id,
    );
    if (!challenge || !passkey) return false;
    const counter = await verifiedAssertion(this.rp, challenge, passkey, response);
    if (counter === null) return false;
    await this.factors.passkeyUsed(manager, passkey.id, counter, this.clock.nowMs());
    return true;
  }

  /** Signing in with a passkey alone: options naming none (the browser offers the user's), a challenge kept five minutes. */
  async passwordlessOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const options = await authenticationOptions(this.rp, 'discoverable');
    const now = this.clock.nowMs();
    await this.transactions.run((manager) =>
      this.factors.saveChallenge(manager, options.challenge, now + PASSWORDLESS_CHALLENGE_MS, now),
    );
    return options;
  }

  /**
   * The user whose passkey answered an issued challenge, with the user verified by the
   * authenticator; null otherwise. The challenge and the counter are used up in the caller's
   * transaction.
   */
  async passwordless(manager: EntityManager, response: AuthenticationResponseJSON): Promise<number | null> {
    const challenge = challengeOf(response);
    const passkey = response?.id ? await this.factors.findPasskeyByCredential(String(response.id), manager) : null;
    if (!challenge || !passkey) return null;
    if (!(await this.factors.takeChallenge(manager, challenge, this.clock.nowMs()))) return null;
    const counter = await verifiedAssertion(this.rp, challenge, passkey, response, true);
    if (counter === null) return null;
    await this.factors.passkeyUsed(manager, passkey.id, counter, this.clock.nowMs());
    return passkey.userId;
  }
}

/** The challenge an assertion says it answers (checked against the issued ones, and by the signature). */
function challengeOf(response: AuthenticationResponseJSON): string | null {
  try {
    const clientData = JSON.parse(Buffer.from(response.response.clientDataJSON, 'base64url').toString('utf8')) as {
      challenge?: unknown;
    };
    return typeof clientData.challenge === 'string' && clientData.challenge.length <= 128 ? clientData.challenge : null;
  } catch {
    return null;
  }
}
