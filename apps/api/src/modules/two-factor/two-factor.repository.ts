import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';

import { StaffPasskeyEntity } from './staff-passkey.entity';
import { StaffRecoveryCodeEntity } from './staff-recovery-code.entity';
import { StaffTotpEntity } from './staff-totp.entity';

/** Staff second factors: the authenticator app's sealed secret and the recovery codes' hashes. */
@Injectable()
export class TwoFactorRepository {
  constructor(private readonly dataSource: DataSource) {}

  findTotp(staffId: number, manager: EntityManager = this.dataSource.manager): Promise<StaffTotpEntity | null> {
    return manager.getRepository(StaffTotpEntity).findOneBy({ staffId });
  }

  /** A new enrolment waiting for its first code, replacing one that never got it. */
  async savePendingTotp(manager: EntityManager, staffId: number, secretSealed: string, now: number): Promise<void> {
    await manager.getRepository(StaffTotpEntity).delete({ staffId, confirmedAt: IsNull() });
    await manager
      .getRepository(StaffTotpEntity)
      .insert({ staffId, secretSealed, confirmedAt: null, lastStep: null, createdAt: now });
  }

  /** True when this enrolment was waiting and is now confirmed, its first code's step used. */
  async confirmTotp(manager: EntityManager, staffId: number, step: number, now: number): Promise<boolean> {
    const result = await manager
      .getRepository(StaffTotpEntity)
      .update({ staffId, confirmedAt: IsNull() }, { confirmedAt: now, lastStep: step });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Takes a code's time step if no code of it or a later step was taken: one conditional UPDATE,
   * so of two sign-ins with the same code exactly one wins.
   */
  async takeStep(manager: EntityManager, staffId: number, step: number): Promise<boolean> {
    const result = await manager
      .getRepository(StaffTotpEntity)
      .createQueryBuilder()
      .update()
      .set({ lastStep: step })
      .where('staff_id = :staffId AND confirmed_at IS NOT NULL AND (last_step IS NULL OR last_step < :step)', {
        staffId,
        step,
      })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async deleteTotp(manager: EntityManager, staffId: number): Promise<void> {
    await manager.getRepository(StaffTotpEntity).delete({ staffId });
  }

  async replaceRecoveryCodes(manager: EntityManager, staffId: number, hashes: string[], now: number): Promise<void> {
    await manager.getRepository(StaffRecoveryCodeEntity).delete({ staffId });
    await manager
      .getRepository(StaffRecoveryCodeEntity)
      .insert(hashes.map((codeHash) => ({ staffId, codeHash, usedAt: null, createdAt: now })));
  }

  /** Uses a code if it is one of the staff member's and unused; of two at once, one wins. */
  async useRecoveryCode(manager: EntityManager, staffId: number, codeHash: string, now: number): Promise<boolean> {
    const result = await manager
      .getRepository(StaffRecoveryCodeEntity)
      .update({ staffId, codeHash, usedAt: IsNull() }, { usedAt: now });
    return (result.affected ?? 0) > 0;
  }

  remainingRecoveryCodes(staffId: number, manager: EntityManager = this.dataSource.manager): Promise<number> {
    return manager.getRepository(StaffRecoveryCodeEntity).countBy({ staffId, usedAt: IsNull() });
  }

  passkeysOf(staffId: number, manager: EntityManager = this.dataSource.manager): Promise<StaffPasskeyEntity[]> {
    return manager.getRepository(StaffPasskeyEntity).find({ where: { staffId }, order: { id: 'ASC' } });
  }

  async insertPasskey(manager: EntityManager, passkey: Omit<StaffPasskeyEntity, 'id'>): Promise<void> {
    await manager.getRepository(StaffPasskeyEntity).insert(passkey);
  }

  async passkeyUsed(manager: EntityManager, id: number, counter: number, at: number): Promise<void> {
    await manager.getRepository(StaffPasskeyEntity).update({ id }, { counter, lastUsedAt: at });
  }

  /** True when it was the staff member's and is gone. */
  async deletePasskey(manager: EntityManager, staffId: number, id: number): Promise<boolean> {
    const result = await manager.getRepository(StaffPasskeyEntity).delete({ staffId, id });
    return (result.affected ?? 0) > 0;
  }

  async deletePasskeys(manager: EntityManager, staffId: number): Promise<void> {
    await manager.getRepository(StaffPasskeyEntity).delete({ staffId });
  }

  async deleteRecoveryCodes(manager: EntityManager, staffId: number): Promise<void> {
    await manager.getRepository(StaffRecoveryCodeEntity).delete({ staffId, id: Not(IsNull()) });
  }
}
