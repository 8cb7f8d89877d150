import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, LessThan } from 'typeorm';

import { TransactionRunner } from '../../database/transaction-runner';
import { SessionEntity } from './session.entity';

@Injectable()
export class SessionRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  /** The stored session data, read on every signed-in request: plain SQL, no entity to build. */
  async findLiveData(idHash: string, now: number): Promise<string | null> {
    const rows: Array<{ data: string }> = await this.dataSource.query(
      'SELECT data FROM sessions WHERE id_hash = ? AND expires_at > ?',
      [idHash, now],
    );
    return rows[0]?.data ?? null;
  }

  save(row: SessionEntity): Promise<void> {
    return this.transactions.run(async (manager) => {
      await manager.getRepository(SessionEntity).upsert(row, ['idHash']);
    });
  }

  delete(idHash: string): Promise<void> {
    return this.transactions.run(async (manager) => {
      await manager.getRepository(SessionEntity).delete({ idHash });
    });
  }

  async deleteExpired(manager: EntityManager, before: number): Promise<void> {
    await manager.getRepository(SessionEntity).delete({ expiresAt: LessThan(before) });
  }
}
