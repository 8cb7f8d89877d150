import { Injectable } from '@nestjs/common';
import { EntityManager, MoreThan } from 'typeorm';

import { AuditEntryEntity } from '../audit/audit-entry.entity';

const COLUMNS =
  'seq, id, occurred_at, actor_type, actor_id, actor_name, action, subject_type, subject_id, subject_name, ip, user_agent, details, prev_hash, hash, client_id';

/** Moves the oldest entries of the trail to audit_log_archive, and signs where the rest starts. */
@Injectable()
export class ActivityArchiveRepository {
  /** The oldest entries after `afterSeq`, in chain order. */
  oldest(manager: EntityManager, afterSeq: number, limit: number): Promise<AuditEntryEntity[]> {
    return manager
      .getRepository(AuditEntryEntity)
      .find({ where: { seq: MoreThan(afterSeq) }, order: { seq: 'ASC' }, take: limit });
  }

  /**
   * Copies entries up to `upToSeq` to the archive and deletes them. The delete trigger lets a row
   * go only under a permit in audit_archive_permits, written and removed in this transaction.
   */
  async move(manager: EntityManager, upToSeq: number): Promise<void> {
    await manager.query(`INSERT INTO audit_log_archive (${COLUMNS}) SELECT ${COLUMNS} FROM audit_log WHERE seq <= ?`, [
      upToSeq,
    ]);
    await manager.query('INSERT INTO audit_archive_permits (up_to_seq) VALUES (?)', [upToSeq]);
    await manager.query('DELETE FROM audit_log WHERE seq <= ?', [upToSeq]);
    await manager.query('DELETE FROM audit_archive_permits WHERE up_to_seq = ?', [upToSeq]);
  }

  async insertCheckpoint(
    manager: EntityManager,
    checkpoint: { lastSeq: number; lastHash: string; archived: number; createdAt: Date; signature: string },
  ): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into('audit_checkpoints')
      .values({
        last_seq: checkpoint.lastSeq,
        last_hash: checkpoint.lastHash,
        archived: checkpoint.archived,
        created_at: checkpoint.createdAt.getTime(),
        signature: checkpoint.signature,
      })
      .execute();
    return Number(result.identifiers[0]?.id ?? result.raw?.insertId ?? result.raw);
  }
}
