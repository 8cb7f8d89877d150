import { Injectable } from '@nestjs/common';
import { toString as qrSvg } from 'qrcode';
import { EntityManager } from 'typeorm';

import { ErrorCode, RecoveryCodesResponse, SecondFactorMethod, TotpEnrolment, TwoFactorStatus } from '@keydesk/domain';
import { SecretBox } from '@keydesk/mailer';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
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
import { TwoFactorRepository } from './two-factor.repository';

/**
 * A staff member's second factors: the authenticator app (TOTP) and recovery codes. Enrolment
 * shows the secret once and is confirmed by a first code; a code, once accepted, is refused again;
 * each change is told and logged through the credentials module.
 */
@Injectable()
export class TwoFactorService {
  private readonly box: SecretBox;

  constructor(
    private readonly factors: TwoFactorRepository,
    private readonly staff: StaffRepository,
    private readonly credentials: StaffCredentialsService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.box = totpBox(config.secrets.mailEncryptionKey);
  }

  /** The factors a staff member can sign in with now (recovery codes only beside an app). */
  async methodsOf(staffId: number): Promise<SecondFactorMethod[]> {
    const totp = await this.factors.findTotp(staffId);
    if (!totp?.confirmedAt) return [];
    const codes = await this.factors.remainingRecoveryCodes(staffId);
    return codes > 0 ? [SecondFactorMethod.Totp, SecondFactorMethod.RecoveryCode] : [SecondFactorMethod.Totp];
  }

  async status(staffId: number): Promise<TwoFactorStatus> {
    const totp = await this.factors.findTotp(staffId);
    const confirmedAt = totp?.confirmedAt ?? null;
    return {
      policy: this.config.auth.staffTwoFactor,
      totp: {
        enabled: confirmedAt !== null,
        enabledAt: confirmedAt === null ? null : new Date(confirmedAt).toISOString(),
      },
      recoveryCodes: { remaining: confirmedAt === null ? 0 : await this.factors.remainingRecoveryCodes(staffId) },
    };
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
      if (!(await this.factors.findTotp(staffId, manager))?.confirmedAt) throw new DomainError(ErrorCode.Conflict);
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
  async resetFactors(staffId: number, reason: string, context: RequestContext): Promise<void> {
    if (context.staff?.id === staffId) throw new DomainError(ErrorCode.Forbidden, { permission: 'staff.manage' });
    const staff = await this.require(staffId);
    await this.transactions.run(async (manager) => {
      await this.factors.deleteTotp(manager, staffId);
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
    method: SecondFactorMethod,
    code: string,
    context: RequestContext,
  ): Promise<boolean> {
    if (method === SecondFactorMethod.RecoveryCode) {
      const used = await this.factors.useRecoveryCode(
        manager,
        staffId,
        recoveryCodeHash(staffId, code),
        this.clock.nowMs(),
      );
      if (used)
        await this.credentials.factorChanged(manager, await this.require(staffId), 'recovery_code_used', context);
      return used;
    }
    const totp = await this.factors.findTotp(staffId, manager);
    if (!totp?.confirmedAt) return false;
    const step = stepOfCode(this.secretOf(totp.secretSealed, staffId), code, this.clock.nowMs());
    return step !== null && this.factors.takeStep(manager, staffId, step);
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
