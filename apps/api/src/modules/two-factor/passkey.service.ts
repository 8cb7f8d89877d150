import { Injectable } from '@nestjs/common';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { EntityManager } from 'typeorm';

import { ErrorCode, SecondFactorMethod } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { StaffSessionRepository } from '../auth/staff-session.repository';
import { StaffCredentialsService } from '../credentials/staff-credentials.service';
import { StaffEntity } from '../staff/staff.entity';
import {
  authenticationOptions,
  registrationOptions,
  RelyingParty,
  relyingPartyOf,
  verifiedAssertion,
  verifiedRegistration,
} from './passkeys';
import { TwoFactorRepository } from './two-factor.repository';

export interface PasskeyProof {
  method: typeof SecondFactorMethod.Passkey;
  response: AuthenticationResponseJSON;
  /** The session whose challenge the assertion answers. */
  sessionIdHash: string;
}

/**
 * Staff passkeys (WebAuthn through @simplewebauthn/server): the relying party is PUBLIC_URL, user
 * verification is preferred, and each ceremony's challenge is kept with the session (any api
 * process may get the answer) and answers once.
 */
@Injectable()
export class PasskeyService {
  private readonly rp: RelyingParty;

  constructor(
    private readonly factors: TwoFactorRepository,
    private readonly sessions: StaffSessionRepository,
    private readonly credentials: StaffCredentialsService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.rp = relyingPartyOf(config.server.publicUrl);
  }

  async registrationOptions(
    staff: StaffEntity,
    sessionIdHash: string,
  ): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const owner = { handle: `keydesk-staff-${staff.id}`, userName: staff.username, displayName: staff.displayName };
    const options = await registrationOptions(this.rp, owner, await this.factors.passkeysOf(staff.id));
    await this.transactions.run((manager) => this.sessions.setChallenge(manager, sessionIdHash, options.challenge));
    return options;
  }

  /** Keeps the new passkey; the caller adds recovery codes and tells the change inside the same transaction. */
  async register(
    manager: EntityManager,
    staff: StaffEntity,
    sessionIdHash: string,
    name: string,
    response: RegistrationResponseJSON,
    context: RequestContext,
  ): Promise<void> {
    const challenge = await this.sessions.takeChallenge(manager, sessionIdHash);
    const credential = challenge ? await verifiedRegistration(this.rp, challenge, response) : null;
    if (!credential) throw new DomainError(ErrorCode.SecondFactorInvalid);
    await this.factors.insertPasskey(manager, {
      staffId: staff.id,
      ...credential,
      name,
      createdAt: this.clock.nowMs(),
      lastUsedAt: null,
    });
    await this.credentials.factorChanged(manager, staff, 'passkey_added', context);
  }

  /** For a sign-in's second step or a step-up: the staff member's passkeys, under a new challenge. */
  async authenticationOptions(staffId: number, sessionIdHash: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const passkeys = await this.factors.passkeysOf(staffId);
    if (passkeys.length === 0) throw new DomainError(ErrorCode.NotFound, { resource: 'route' });
    const options = await authenticationOptions(this.rp, passkeys);
    await this.transactions.run((manager) => this.sessions.setChallenge(manager, sessionIdHash, options.challenge));
    return options;
  }

  /** True when the assertion is one of the staff member's passkeys answering the session's challenge. */
  async prove(manager: EntityManager, staffId: number, proof: PasskeyProof): Promise<boolean> {
    const challenge = await this.sessions.takeChallenge(manager, proof.sessionIdHash);
    const passkey = (await this.factors.passkeysOf(staffId, manager)).find(
      (p) => p.credentialId === proof.response?.id,
    );
    if (!challenge || !passkey) return false;
    const counter = await verifiedAssertion(this.rp, challenge, passkey, proof.response);
    if (counter === null) return false;
    await this.factors.passkeyUsed(manager, passkey.id, counter, this.clock.nowMs());
    return true;
  }
}
