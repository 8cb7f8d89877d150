import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, MoreThan } from 'typeorm';

import { AuditChainHeadEntity } from './audit-chain-head.entity';
import { AuditCheckpoint } from './audit-checkpoint';
import { AuditEntryEntity } from './audit-entry.entity';

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Locks the chain head until the caller's transaction ends, so concurrent writers in any
   * process append one after the other. SQLite transactions are already serialized.
   */
  async lockHead(manager: EntityManager): Promise<AuditChainHeadEntity> {
    const query = manager.getRepository(AuditChainHeadEntity).createQueryBuilder('head').where('head.id = 1');
    if (manager.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
    const head = await query.getOne();
    if (!head) throw new Error('audit_chain_head is missing: run the migrations');
    return head;
  }

  async append(manager: EntityManager, entry: AuditEntryEntity): Promise<void> {
    await manager.getRepository(AuditEntryEntity).insert(entry);
    await manager.getRepository(AuditChainHeadEntity).update({ id: 1 }, { lastSeq: entry.seq, lastHash: entry.hash });
  }

  head(): Promise<AuditChainHeadEntity | null> {
    return this.dataSource.getRepository(AuditChainHeadEntity).findOneBy({ id: 1 });
  }

  /** Keyset page in chain order. */
  pageAfter(seq: number, size: number): Promise<AuditEntryEntity[]> {
    return this.dataSource.getRepository(AuditEntryEntity).find({
      where: { seq: MoreThan(seq) },
      order: { seq: 'ASC' },
      take: size,
    });
  }

  /** A client's entries, newest first (the client's Log tab). */
  pageForClient(clientId: number, offset: number, limit: number): Promise<[AuditEntryEntity[], number]> {
    return this.dataSource.getRepository(AuditEntryEntity).findAndCount({
      where: { clientId },
      order: { seq: 'DESC' },
      skip: offset,
      take: limit,
    });
  }

  /** The newest checkpoint: the remaining chain starts right after it. */
  async latestCheckpoint(manager: EntityManager = this.dataSource.manager): Promise<AuditCheckpoint | null> {
    const [row] = (await manager.query(
      'SELECT id, last_seq, last_hash, archived, created_at, signature FROM audit_checkpoints ORDER BY id DESC LIMIT 1',
    )) as Array<{
      id: number;
      last_seq: string | number;
      last_hash: string;
      archived: string | number;
      created_at: string | number;
      signature: string;
    }>;
    if (!row) return null;
    return {
      id: Number(row.id),
      lastSeq: Number(row.last_seq),
      lastHash: row.last_hash,
      archived: Number(row.archived),
      createdAt: new Date(Number(row.created_at)),
      signature: row.signature,
    };
  }
}
