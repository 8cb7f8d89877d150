import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, LessThan, MoreThan, Not } from 'typeorm';

import { CustomerFactor, UserTwoFactorResponse } from '@keydesk/domain';

import { ClientUserEntity } from '../users/client-user.entity';
import { PasskeyChallengeEntity } from './passkey-challenge.entity';
import { UserPasskeyEntity } from './user-passkey.entity';
import { UserRecoveryCodeEntity } from './user-recovery-code.entity';
import { UserTotpEntity } from './user-totp.entity';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Customers' second factors: the app's sealed secret, passkeys, recovery codes' hashes. */
@Injectable()
export class UserFactorsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findTotp(userId: number, manager: EntityManager = this.dataSource.manager): Promise<UserTotpEntity | null> {
    return manager.getRepository(UserTotpEntity).findOneBy({ userId });
  }

  /** A new enrolment waiting for its first code, replacing one that never got it. */
  async savePendingTotp(manager: EntityManager, userId: number, secretSealed: string, now: number): Promise<void> {
    await manager.getRepository(UserTotpEntity).delete({ userId, confirmedAt: IsNull() });
    await manager
      .getRepository(UserTotpEntity)
      .insert({ userId, secretSealed, confirmedAt: null, lastStep: null, lastUsedAt: null, createdAt: now });
  }

  async confirmTotp(manager: EntityManager, userId: number, step: number, now: number): Promise<boolean> {
    const result = await manager
      .getRepository(UserTotpEntity)
      .update({ userId, confirmedAt: IsNull() }, { confirmedAt: now, lastStep: step, lastUsedAt: now });
    return (result.affected ?? 0) > 0;
  }

  /** Takes a code's time step unless it or a later one was taken: of two sign-ins with one code, one wins. */
  async takeStep(manager: EntityManager, userId: number, step: number, now: number): Promise<boolean> {
    const result = await manager
      .getRepository(UserTotpEntity)
      .createQueryBuilder()
      .update()
      .set({ lastStep: step, lastUsedAt: now })
      .where('user_id = :userId AND confirmed_at IS NOT NULL AND (last_step IS NULL OR last_step < :step)', {
        userId,
        step,
      })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async deleteTotp(manager: EntityManager, userId: number): Promise<void> {
    await manager.getRepository(UserTotpEntity).delete({ userId });
  }

  async replaceRecoveryCodes(manager: EntityManager, userId: number, hashes: string[], now: number): Promise<void> {
    await manager.getRepository(UserRecoveryCodeEntity).delete({ userId });
    await manager
      .getRepository(UserRecoveryCodeEntity)
      .insert(hashes.map((codeHash) => ({ userId, codeHash, usedAt: null, createdAt: now })));
  }

  async useRecoveryCode(manager: EntityManager, userId: number, codeHash: string, now: number): Promise<boolean> {
    const result = await manager
      .getRepository(UserRecoveryCodeEntity)
      .update({ userId, codeHash, usedAt: IsNull() }, { usedAt: now });
    return (result.affected ?? 0) > 0;
  }

  remainingRecoveryCodes(userId: number, manager: EntityManager = this.dataSource.manager): Promise<number> {
    return manager.getRepository(UserRecoveryCodeEntity).countBy({ userId, usedAt: IsNull() });
  }

  async deleteRecoveryCodes(manager: EntityManager, userId: number): Promise<void> {
    await manager.getRepository(UserRecoveryCodeEntity).delete({ userId });
  }

  passkeysOf(userId: number, manager: EntityManager = this.dataSource.manager): Promise<UserPasskeyEntity[]> {
    return manager.getRepository(UserPasskeyEntity).find({ where: { userId }, order: { id: 'ASC' } });
  }

  findPasskeyByCredential(credentialId: string, manager: EntityManager): Promise<UserPasskeyEntity | null> {
    return manager.getRepository(UserPasskeyEntity).findOneBy({ credentialId });
  }

  async insertPasskey(manager: EntityManager, passkey: Omit<UserPasskeyEntity, 'id'>): Promise<void> {
    await manager.getRepository(UserPasskeyEntity).insert(passkey);
  }

  async passkeyUsed(manager: EntityManager, id: number, counter: number, now: number): Promise<void> {
    await manager.getRepository(UserPasskeyEntity).update({ id }, { counter, lastUsedAt: now });
  }

  async deletePasskey(manager: EntityManager, userId: number, id: number): Promise<boolean> {
    return ((await manager.getRepository(UserPasskeyEntity).delete({ userId, id })).affected ?? 0) > 0;
  }

  /** A challenge for a passkey sign-in without a session, valid until `expiresAt`. */
  async saveChallenge(manager: EntityManager, challenge: string, expiresAt: number, now: number): Promise<void> {
    await manager.getRepository(PasskeyChallengeEntity).delete({ expiresAt: LessThan(now) });
    await manager.getRepository(PasskeyChallengeEntity).insert({ challenge, expiresAt });
  }

  /** True when the challenge was issued, unexpired, and is now used up (of two answers, one wins). */
  async takeChallenge(manager: EntityManager, challenge: string, now: number): Promise<boolean> {
    const result = await manager.getRepository(PasskeyChallengeEntity).delete({ challenge, expiresAt: MoreThan(now) });
    return (result.affected ?? 0) > 0;
  }

  /** What Manage user and the lists show of each user: their factors with last use, whether a client requires one. */
  async detailsOf(userIds: number[]): Promise<Map<number, UserTwoFactorResponse>> {
    const details = new Map<number, UserTwoFactorResponse>(
      userIds.map((id) => [
        id,
        { methods: [], requiredByClient: false, totp: null, passkeys: [], recoveryCodesLeft: 0 },
      ]),
    );
    if (userIds.length === 0) return details;
    const ids = In(userIds);
    const [apps, passkeys, codes, requiring] = await Promise.all([
      this.dataSource.getRepository(UserTotpEntity).find({ where: { userId: ids, confirmedAt: Not(IsNull()) } }),
      this.dataSource.getRepository(UserPasskeyEntity).find({ where: { userId: ids }, order: { id: 'ASC' } }),
      this.dataSource.getRepository(UserRecoveryCodeEntity).find({
        select: { userId: true },
        where: { userId: ids, usedAt: IsNull() },
      }),
      this.dataSource
        .getRepository(ClientUserEntity)
        .createQueryBuilder('m')
        .select('m.user_id', 'userId')
        .innerJoin('m.client', 'c')
        .where('m.user_id IN (:...userIds) AND c.require_two_factor = :yes', { userIds, yes: true })
        .getRawMany<{ userId: number }>(),
    ]);
    for (const app of apps) {
      const detail = details.get(app.userId)!;
      detail.totp = { enabledAt: iso(app.confirmedAt)!, lastUsedAt: iso(app.lastUsedAt) };
      detail.methods.push(CustomerFactor.Totp);
    }
    for (const passkey of passkeys) {
      const detail = details.get(passkey.userId)!;
      if (detail.passkeys.length === 0) detail.methods.push(CustomerFactor.Passkey);
      detail.passkeys.push({
        id: passkey.id,
        name: passkey.name,
        createdAt: iso(passkey.createdAt)!,
        lastUsedAt: iso(passkey.lastUsedAt),
      });
    }
    for (const code of codes) details.get(code.userId)!.recoveryCodesLeft += 1;
    for (const row of requiring) details.get(Number(row.userId))!.requiredByClient = true;
    return details;
  }

  async detailOf(userId: number): Promise<UserTwoFactorResponse> {
    return (await this.detailsOf([userId])).get(userId)!;
  }
}
