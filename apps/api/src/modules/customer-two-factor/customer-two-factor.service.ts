import { Injectable } from '@nestjs/common';
import { toString as qrSvg } from 'qrcode';
import { EntityManager } from 'typeorm';

import { CredentialWay, ErrorCode, FactorChange, TotpEnrolment, UserTwoFactorResponse } from '@keydesk/domain';
import { SecretBox } from '@keydesk/mailer';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { ClientEntity } from '../clients/client.entity';
import { UserCredentialsService } from '../credentials/user-credentials.service';
import {
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeHash,
  stepOfCode,
  totpBox,
  totpFor,
  userTotpContext,
} from '../two-factor/totp-codes';
import { UserEntity } from '../users/user.entity';
import { UserFactorsRepository } from './user-factors.repository';

/** The customer acting in the client area: who, through which client, from which session. */
export interface CustomerActing {
  user: UserEntity;
  client: ClientEntity | null;
  sessionIdHash: string;
  context: RequestContext;
}

const RECOVERY_CODE_SHAPE = /^[0-9A-Za-z]{5}[\s-]?[0-9A-Za-z]{5}[\s-]?[0-9A-Za-z]{5}$/;

/**
 * A customer's own second factors in the client area: the authenticator app (as staff have it:
 * RFC 6238, SHA-1, 6 digits, 30 s, one step of drift, each step once) and ten recovery codes (75
 * bits each, hashed, single use). Every change goes through the credentials module, which records
 * and tells it; a proof is checked inside the caller's transaction, using the code up.
 */
@Injectable()
export class CustomerTwoFactorService {
  private readonly box: SecretBox;

  constructor(
    private readonly factors: UserFactorsRepository,
    private readonly credentials: UserCredentialsService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.box = totpBox(config.secrets.mailEncryptionKey);
  }

  status(userId: number): Promise<UserTwoFactorResponse> {
    return this.factors.detailOf(userId);
  }

  /** The user signs in with a second factor. */
  async hasFactor(userId: number): Promise<boolean> {
    return Boolean((await this.factors.findTotp(userId))?.confirmedAt) || (await this.hasPasskey(userId));
  }

  async hasPasskey(userId: number): Promise<boolean> {
    return (await this.factors.passkeysOf(userId)).length > 0;
  }

  /** A new secret to scan (its QR code drawn on the server, so the page needs no script), waiting for its first code. */
  async beginTotp(user: UserEntity): Promise<TotpEnrolment> {
    const secret = newTotpSecret();
    await this.transactions.run(async (manager) => {
      if ((await this.factors.findTotp(user.id, manager))?.confirmedAt) throw new DomainError(ErrorCode.Conflict);
      await this.factors.savePendingTotp(
        manager,
        user.id,
        this.box.seal(secret, userTotpContext(user.id)),
        this.clock.nowMs(),
      );
    });
    const otpauthUrl = totpFor(secret, user.email).toString();
    return {
      secret,
      otpauthUrl,
      qrSvg: await qrSvg(otpauthUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
    };
  }

  /** The pending enrolment's secret again (the page shown anew after a wrong first code), or null. */
  async pendingTotp(user: UserEntity): Promise<TotpEnrolment | null> {
    const pending = await this.factors.findTotp(user.id);
    if (!pending || pending.confirmedAt) return null;
    const secret = this.box.open(pending.secretSealed, userTotpContext(user.id));
    const otpauthUrl = totpFor(secret, user.email).toString();
    return {
      secret,
      otpauthUrl,
      qrSvg: await qrSvg(otpauthUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
    };
  }

  /**
   * The first code confirms the app. A first factor comes with ten recovery codes, made now and
   * shown this once (`recoveryCodes`); beside a passkey the customer keeps the codes they have.
   * Null: a wrong code.
   */
  async confirmTotp(acting: CustomerActing, code: string): Promise<{ recoveryCodes: string[] | null } | null> {
    const { user } = acting;
    return this.transactions.run(async (manager) => {
      const first = (await this.factors.passkeysOf(user.id, manager)).length === 0;
      const pending = await this.factors.findTotp(user.id, manager);
      const now = this.clock.nowMs();
      const step =
        pending && !pending.confirmedAt ? stepOfCode(this.secretOf(pending.secretSealed, user.id), code, now) : null;
      if (step === null || !(await this.factors.confirmTotp(manager, user.id, step, now))) return null;
      const recoveryCodes = first ? await this.newRecoveryCodes(manager, user.id) : null;
      await this.told(manager, acting, FactorChange.TotpAdded);
      return { recoveryCodes };
    });
  }

  /**
   * Removes the app after a current proof (its code, or a recovery code): refused where a client
   * requires a factor and it is the last one. False: the proof was wrong.
   */
  async removeTotp(acting: CustomerActing, proof: string): Promise<boolean> {
    const { user } = acting;
    return this.transactions.run(async (manager) => {
      const detail = await this.factors.detailOf(user.id);
      if (!detail.totp) throw new DomainError(ErrorCode.NotFound, { resource: 'route' });
      const last = detail.passkeys.length === 0;
      if (last && detail.requiredByClient) throw new DomainError(ErrorCode.TwoFactorRequired);
      if (!(await this.prove(manager, acting, proof))) return false;
      await this.factors.deleteTotp(manager, user.id);
      if (last) await this.factors.deleteRecoveryCodes(manager, user.id);
      await this.told(manager, acting, FactorChange.TotpRemoved);
      return true;
    });
  }

  /** Ten new codes, the old ones void; only while the user has a factor. */
  async renewRecoveryCodes(acting: CustomerActing): Promise<string[]> {
    const codes = newRecoveryCodes();
    await this.transactions.run(async (manager) => {
      if (!(await this.hasFactor(acting.user.id))) throw new DomainError(ErrorCode.Conflict);
      await this.saveRecoveryCodes(manager, acting.user.id, codes);
      await this.told(manager, acting, FactorChange.RecoveryCodesRenewed);
    });
    return codes;
  }

  /**
   * Checks a code inside the caller's transaction, using it up: the app's code takes its time step
   * (a replayed code fails), a recovery code is spent and its use told. False when it does not match.
   */
  async prove(manager: EntityManager, acting: CustomerActing, typed: string): Promise<boolean> {
    const { user } = acting;
    const code = typed.trim();
    const now = this.clock.nowMs();
    if (RECOVERY_CODE_SHAPE.test(code)) {
      const used = await this.factors.useRecoveryCode(manager, user.id, recoveryCodeHash(`user:${user.id}`, code), now);
      if (used) await this.told(manager, acting, FactorChange.RecoveryCodeUsed);
      return used;
    }
    const totp = await this.factors.findTotp(user.id, manager);
    if (!totp?.confirmedAt) return false;
    const step = stepOfCode(this.secretOf(totp.secretSealed, user.id), code, now);
    return step !== null && this.factors.takeStep(manager, user.id, step, now);
  }

  /** An app code only (not a recovery code: those are the customer's own way back), its step used up. */
  async proveAppCode(manager: EntityManager, acting: CustomerActing, typed: string): Promise<boolean> {
    if (RECOVERY_CODE_SHAPE.test(typed.trim())) return false;
    return this.prove(manager, acting, typed);
  }

  /** Records and tells a change of the customer's factors, through the credentials module. */
  told(manager: EntityManager, acting: CustomerActing, change: FactorChange) {
    return this.credentials.factorChanged(manager, {
      user: acting.user,
      client: acting.client,
      change,
      way: CredentialWay.Customer,
      context: acting.context,
      keepSessionIdHash: acting.sessionIdHash,
    });
  }

  /** Ten recovery codes for a first factor (a passkey): saved hashed, answered to be shown once. */
  async newRecoveryCodes(manager: EntityManager, userId: number): Promise<string[]> {
    const codes = newRecoveryCodes();
    await this.saveRecoveryCodes(manager, userId, codes);
    return codes;
  }

  private async saveRecoveryCodes(manager: EntityManager, userId: number, codes: string[]): Promise<void> {
    const hashes = codes.map((code) => recoveryCodeHash(`user:${userId}`, code));
    await this.factors.replaceRecoveryCodes(manager, userId, hashes, this.clock.nowMs());
  }

  private secretOf(sealed: string, userId: number): string {
    return this.box.open(sealed, userTotpContext(userId));
  }
}
