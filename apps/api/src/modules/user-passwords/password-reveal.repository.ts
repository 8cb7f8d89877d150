import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { PasswordRevealEntity } from './password-reveal.entity';

const LIVE = 'revealed_at IS NULL AND voided_at IS NULL AND expires_at > :nowMs';

@Injectable()
export class PasswordRevealRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(PasswordRevealEntity);
  }

  insert(manager: EntityManager, row: PasswordRevealEntity): Promise<PasswordRevealEntity> {
    return this.repo(manager).save(row);
  }

  async setEmail(manager: EntityManager, id: number, emailId: number): Promise<void> {
    await this.repo(manager).update({ id }, { emailId });
  }

  findByHash(tokenHash: string): Promise<PasswordRevealEntity | null> {
    return this.repo().findOneBy({ tokenHash });
  }

  /**
   * Uses the link if it still works and hands back the sealed password, wiping it. The conditional
   * UPDATE decides: of two presses of "Reveal" exactly one changes the row; the other gets null.
   */
  async take(manager: EntityManager, tokenHash: string, now: Date): Promise<string | null> {
    const claimed = await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ revealedAt: now })
      .where(`token_hash = :tokenHash AND ${LIVE} AND sealed_password IS NOT NULL`, { tokenHash, nowMs: now.getTime() })
      .execute();
    if (claimed.affected !== 1) return null;
    const row = await this.repo(manager).findOneByOrFail({ tokenHash });
    await this.repo(manager).update({ id: row.id }, { sealedPassword: null });
    return row.sealedPassword;
  }

  /** Wipes the passwords of links past their expiry (housekeeping: nothing may open them any more). */
  async wipeExpired(manager: EntityManager, nowMs: number): Promise<void> {
    await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ sealedPassword: null })
      .where('expires_at <= :nowMs AND sealed_password IS NOT NULL', { nowMs })
      .execute();
  }
}
