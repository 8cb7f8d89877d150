import { Injectable } from '@nestjs/common';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { toString as qrSvg } from 'qrcode';
import { EntityManager } from 'typeorm';

import {
  AssuredAction,
  ErrorCode,
  RecoveryCodesResponse,
  SecondFactorMethod,
  TotpEnrolment,
  TwoFactorStatus,
} from '@keydesk/domain';
import { SecretBox } from '@keydesk/mailer';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { AssuranceGate } from '../assurance/assurance-gate';
import { StaffCredentialsService } from '../credentials/staff-credentials.service';
import { StaffEntity } from '../staff/staff.entity';
import { StaffRepository } from '../staff/staff.repository';
import {
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeHash,
  stepOfCode,
  totpBox,
  totpContext,
  totpFor,
} from './totp-codes';
import { PasskeyProof, PasskeyService } from './passkey.service';
import { TwoFactorRepository } from './two-factor.repository';

/** What proves a second factor: a code (the app's, or a recovery code), or a passkey's assertion. */
export type SecondFactorProof =
  { method: typeof SecondFactorMethod.Totp | typeof SecondFactorMethod.RecoveryCode; code: string } | PasskeyProof;

/**
 * A staff member's second factors: passkeys (PasskeyService), the authenticator app (TOTP) and
 * recovery codes. Enrolment shows the secret once and is confirmed by a first code; a code, once
 * accepted, is refused again; each change is told and logged through the credentials module.
 */
@Injectable()
export class TwoFactorService {
  private readonly box: SecretBox;

  constructor(
    private readonly factors: TwoFactorRepository,
    private readonly passkeys: PasskeyService,
    private readonly staff: StaffRepository,
    private readonly credentials: StaffCredentialsService,
    private readonly gate: AssuranceGate,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.box = totpBox(config.secrets.mailEncryptionKey);
  }

  /** The factors a staff member can sign in with now (recovery codes only beside an app). */
  async methodsOf(staffId: number): Promise<SecondFactorMethod[]> {
    const totp = Boolean((await this.factors.findTotp(staffId))?.confirmedAt);
    const passkeys = (await this.factors.passkeysOf(staffId)).length > 0;
    if (!totp && !passkeys) return [];
    const codes = (await this.factors.remainingRecoveryCodes(staffId)) > 0;
    return [
      ...(passkeys ? [SecondFactorMethod.Passkey] : []),
      ...(totp ? [SecondFactorMethod.Totp] : []),
      ...(codes ? [SecondFactorMethod.RecoveryCode] : []),
    ];
  }

  async status(staffId: number): Promise<TwoFactorStatus> {
    const confirmedAt = (await this.factors.findTotp(staffId))?.confirmedAt ?? null;
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    const passkeys = await this.factors.passkeysOf(staffId);
    return {
      policy: this.config.auth.staffTwoFactor,
      totp: { enabled: confirmedAt !== null, enabledAt: iso(confirmedAt) },
      passkeys: passkeys.map((p) => ({
        id: p.id,
        name: p.name,
        createdAt: iso(p.createdAt)!,
        lastUsedAt: iso(p.lastUsedAt),
      })),
      recoveryCodes: { remaining: await this.factors.remainingRecoveryCodes(staffId) },
    };
  }

  /** A new passkey, answering the session's challenge; the first factor comes with recovery codes. */
  async registerPasskey(
    staffId: number,
    sessionIdHash: string,
    name: string,
    response: RegistrationResponseJSON,
    context: RequestContext,
  ): Promise<{ recoveryCodes: string[] | null }> {
    const staff = await this.require(staffId);
    const recoveryCodes = await this.transactions.run(async (manager) => {
      await this.passkeys.register(manager, staff, sessionIdHash, name, response, context);
      return this.firstRecoveryCodes(manager, staff);
    });
    return { recoveryCodes };
  }

  /** Refused where the policy requires a factor and this passkey is the last one. */
  async removePasskey(staffId: number, passkeyId: number, context: RequestContext): Promise<void> {
    const staff = await this.require(staffId);
    await this.transactions.run(async (manager) => {
      const passkeys = (await this.factors.passkeysOf(staffId, manager)).length;
      const last = passkeys === 1 && !(await this.factors.findTotp(staffId, manager))?.confirmedAt;
      if (last && this.config.auth.staffTwoFactor === 'required') throw new DomainError(ErrorCode.TwoFactorRequired);
      if (!(await this.factors.deletePasskey(manager, staffId, passkeyId))) {
        throw new DomainError(ErrorCode.NotFound, { resource: 'route' });
      }
      if (last) await this.factors.deleteRecoveryCodes(manager, staffId);
      await this.credentials.factorChanged(manager, staff, 'passkey_removed', context);
    });
  }

  /** A new secret to scan, waiting for its first code; an app already confirmed must be removed first. */
  async beginTotp(staffId: number): Promise<TotpEnrolment> {
    const staff = await this.require(staffId);
    const secret = newTotpSecret();
    await this.transactions.run(async (manager) => {
      if ((await this.factors.findTotp(staffId, manager))?.confirmedAt) throw new DomainError(ErrorCode.Conflict);
      await this.factors.savePendingTotp(
        manager,
        staffId,
        this.box.seal(secret, totpContext(staffId)),
        this.clock.nowMs(),
      );
    });
    const otpauthUrl = totpFor(secret, staff.username).toString();
    return {
      secret,
      otpauthUrl,
      qrSvg: await qrSvg(otpauthUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
    };
  }

  /** The first code confirms the app; the recovery codes are made now and shown this once. */
  async confirmTotp(staffId: number, code: string, context: RequestContext): Promise<RecoveryCodesResponse> {
    const staff = await this.require(staffId);
    const codes = newRecoveryCodes();
    await this.transactions.run(async (manager) => {
      const pending = await this.factors.findTotp(staffId, manager);
      const step =
        pending && !pending.confirmedAt
          ? stepOfCode(this.secretOf(pending.secretSealed, staffId), code, this.clock.nowMs())
          : null;
      if (step === null || !(await this.factors.confirmTotp(manager, staffId, step, this.clock.nowMs()))) {
        throw new DomainError(ErrorCode.SecondFactorInvalid);
      }
      await this.saveRecoveryCodes(manager, staff, codes);
      await this.credentials.factorChanged(manager, staff, 'totp_added', context);
    });
    return { recoveryCodes: codes };
  }

  /** Refused where the policy requires a factor and this is the last. */
  async removeTotp(staffId: number, context: RequestContext): Promise<void> {
    const staff = await this.require(staffId);
    if (this.config.auth.staffTwoFactor === 'required') throw new DomainError(ErrorCode.TwoFactorRequired);
    await this.transactions.run(async (manager) => {
      if (!(await this.factors.findTotp(staffId, manager))?.confirmedAt)
        throw new DomainError(ErrorCode.NotFound, { resource: 'route' });
      await this.factors.deleteTotp(manager, staffId);
      await this.factors.deleteRecoveryCodes(manager, staffId);
      await this.credentials.factorChanged(manager, staff, 'totp_removed', context);
    });
  }

  async renewRecoveryCodes(staffId: number, context: RequestContext): Promise<RecoveryCodesResponse> {
    const staff = await this.require(staffId);
    const codes = newRecoveryCodes();
    await this.transactions.run(async (manager) => {
      if ((await this.methodsOf(staffId)).length === 0) throw new DomainError(ErrorCode.Conflict);
      await this.saveRecoveryCodes(manager, staff, codes);
      await this.credentials.factorChanged(manager, staff, 'recovery_codes_renewed', context);
    });
    return { recoveryCodes: codes };
  }

  /**
   * A lost factor: another staff member's app and codes go, their sessions end, and they enrol
   * again at the next sign-in. Never one's own (an administrator who lost theirs asks another, or
   * the command line, where `context.staff` is null).
   */
  /**
   * An administrator's reset takes another person's approval (approvalId); the command line, run
   * by someone with the server in hand, is the way back in when nobody can approve.
   */
  async resetFactors(staffId: number, reason: string, context: RequestContext, approvalId?: number): Promise<void> {
    if (context.staff?.id === staffId) throw new DomainError(ErrorCode.Forbidden, { permission: 'staff.manage' });
    const staff = await this.require(staffId);
    const guarded = { action: AssuredAction.StaffFactorsReset, staffId, approvalId };
    if (context.staff) await this.gate.precheck(context, guarded);
    await this.transactions.run(async (manager) => {
      if (context.staff) await this.gate.enforce(manager, context, guarded);
      await this.factors.deleteTotp(manager, staffId);
      await this.factors.deletePasskeys(manager, staffId);
      await this.factors.deleteRecoveryCodes(manager, staffId);
      await this.credentials.factorChanged(manager, staff, 'factors_reset', context, reason);
    });
  }

  /**
   * Checks a second factor inside the caller's transaction, using it up: the app's code takes its
   * time step, a recovery code is spent (and its use told). False when it does not match.
   */
  async prove(
    manager: EntityManager,
    staffId: number,
    proof: SecondFactorProof,
    context: RequestContext,
  ): Promise<boolean> {
    if (proof.method === SecondFactorMethod.Passkey) return this.passkeys.prove(manager, staffId, proof);
    if (proof.method === SecondFactorMethod.RecoveryCode) {
      const hash = recoveryCodeHash(staffId, proof.code);
      const used = await this.factors.useRecoveryCode(manager, staffId, hash, this.clock.nowMs());
      if (used)
        await this.credentials.factorChanged(manager, await this.require(staffId), 'recovery_code_used', context);
      return used;
    }
    const totp = await this.factors.findTotp(staffId, manager);
    if (!totp?.confirmedAt) return false;
    const step = stepOfCode(this.secretOf(totp.secretSealed, staffId), proof.code, this.clock.nowMs());
    return step !== null && this.factors.takeStep(manager, staffId, step);
  }

  /** Recovery codes for a staff member's first factor, when they have none: shown this once. */
  async firstRecoveryCodes(manager: EntityManager, staff: StaffEntity): Promise<string[] | null> {
    if ((await this.factors.remainingRecoveryCodes(staff.id, manager)) > 0) return null;
    const codes = newRecoveryCodes();
    await this.saveRecoveryCodes(manager, staff, codes);
    return codes;
  }

  private async saveRecoveryCodes(manager: EntityManager, staff: StaffEntity, codes: string[]): Promise<void> {
    const hashes = codes.map((code) => recoveryCodeHash(staff.id, code));
    await this.factors.replaceRecoveryCodes(manager, staff.id, hashes, this.clock.nowMs());
  }

  private secretOf(sealed: string, staffId: number): string {
    return this.box.open(sealed, totpContext(staffId));
  }

  private async require(staffId: number): Promise<StaffEntity> {
    const staff = await this.staff.findWithRoles(staffId);
    if (!staff) throw new DomainError(ErrorCode.NotFound, { resource: 'staff' });
    return staff;
  }
}
