import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { PasswordResetTokenEntity } from './password-reset-token.entity';

@Injectable()
export class PasswordResetRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(PasswordResetTokenEntity);
  }

  insert(manager: EntityManager, row: PasswordResetTokenEntity): Promise<PasswordResetTokenEntity> {
    return this.repo(manager).save(row);
  }

  async setEmailAndMessage(
    manager: EntityManager,
    id: number,
    emailId: number,
    ticketMessageId: number | null,
  ): Promise<void> {
    await this.repo(manager).update({ id }, { emailId, ticketMessageId });
  }

  findByHash(tokenHash: string): Promise<PasswordResetTokenEntity | null> {
    return this.repo().findOneBy({ tokenHash });
  }

  /** A user's links, newest first, by the (user_id, id) index. */
  pageOfUser(userId: number, offset: number, limit: number): Promise<[PasswordResetTokenEntity[], number]> {
    return this.repo().findAndCount({ where: { userId }, order: { id: 'DESC' }, skip: offset, take: limit });
  }

  /** Voids the user's links that still work, except `exceptId`; expired ones keep saying so. */
  async voidLive(manager: EntityManager, userId: number, now: Date, exceptId?: number): Promise<void> {
    const query = this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ voidedAt: now })
      .where('user_id = :userId AND used_at IS NULL AND voided_at IS NULL AND expires_at > :nowMs', {
        userId,
        nowMs: now.getTime(),
      });
    if (exceptId !== undefined) query.andWhere('id <> :exceptId', { exceptId });
    await query.execute();
  }

  /**
   * Uses the link if it still works: one conditional UPDATE, so of two submits of the same link
   * exactly one changes a row and wins; the other sees 0 rows and is refused.
   */
  async consume(manager: EntityManager, tokenHash: string, now: Date): Promise<boolean> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ usedAt: now })
      .where('token_hash = :tokenHash AND used_at IS NULL AND voided_at IS NULL AND expires_at > :nowMs', {
        tokenHash,
        nowMs: now.getTime(),
      })
      .execute();
    return result.affected === 1;
  }
}
