import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { RescueRedemptionOutcome, RescueVoidReason } from '@keydesk/domain';

import { RescueCodeEntity } from './rescue-code.entity';

/** The condition of a code that still works, for UPDATEs; `:nowMs` must be bound. */
const LIVE = 'used_at IS NULL AND voided_at IS NULL AND expires_at > :nowMs';

@Injectable()
export class RescueCodeRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(RescueCodeEntity);
  }

  insert(manager: EntityManager, row: RescueCodeEntity): Promise<RescueCodeEntity> {
    return this.repo(manager).save(row);
  }

  /** The newest code of one user of one client, whatever its state: the only one that can still work. */
  newestOf(clientId: number, userId: number): Promise<RescueCodeEntity | null> {
    return this.repo().findOne({ where: { clientId, userId }, order: { id: 'DESC' } });
  }

  /** A user's codes, newest first, by the (user_id, id) index. */
  pageOfUser(userId: number, offset: number, limit: number): Promise<[RescueCodeEntity[], number]> {
    return this.repo().findAndCount({ where: { userId }, order: { id: 'DESC' }, skip: offset, take: limit });
  }

  /** Voids the user's codes that still work, except `exceptId`. */
  async voidLive(
    manager: EntityManager,
    userId: number,
    now: Date,
    reason: RescueVoidReason,
    exceptId?: number,
  ): Promise<void> {
    const query = this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ voidedAt: now, voidReason: reason })
      .where(`user_id = :userId AND ${LIVE}`, { userId, nowMs: now.getTime() });
    if (exceptId !== undefined) query.andWhere('id <> :exceptId', { exceptId });
    await query.execute();
  }

  /**
   * Counts a wrong code against a live one; the try that reaches `maxTries` voids it (the row
   * stays locked between the two statements on MySQL). Answers whether this try voided it.
   */
  async countWrongTry(manager: EntityManager, id: number, now: Date, maxTries: number): Promise<boolean> {
    const nowMs = now.getTime();
    await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ failedAttempts: () => 'failed_attempts + 1' })
      .where(`id = :id AND ${LIVE}`, { id, nowMs })
      .execute();
    const voided = await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ voidedAt: now, voidReason: RescueVoidReason.WrongTries })
      .where(`id = :id AND ${LIVE} AND failed_attempts >= :maxTries`, { id, nowMs, maxTries })
      .execute();
    return voided.affected === 1;
  }

  /**
   * Uses the code if it still works: one conditional UPDATE inside the transaction that sets the
   * password, so of twenty concurrent redemptions exactly one changes a row and wins.
   */
  async consume(
    manager: EntityManager,
    id: number,
    codeHash: string,
    now: Date,
    ip: string | null,
    outcome: RescueRedemptionOutcome,
  ): Promise<boolean> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ usedAt: now, redeemedIp: ip, outcome })
      .where(`id = :id AND code_hash = :codeHash AND ${LIVE}`, { id, codeHash, nowMs: now.getTime() })
      .execute();
    return result.affected === 1;
  }
}
