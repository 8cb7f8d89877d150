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

  findLive(idHash: string, now: number): Promise<SessionEntity | null> {
    return this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where('s.id_hash = :idHash AND s.expires_at > :now', { idHash, now })
      .getOne();
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
