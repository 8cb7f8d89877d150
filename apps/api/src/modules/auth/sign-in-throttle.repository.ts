import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';

import { SignInThrottleEntity } from './sign-in-throttle.entity';
import { StaffKnownIpEntity } from './staff-known-ip.entity';

@Injectable()
export class SignInThrottleRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(keys: string[]): Promise<SignInThrottleEntity[]> {
    return this.dataSource.getRepository(SignInThrottleEntity).findBy({ throttleKey: In(keys) });
  }

  /** Reads a counter for update: concurrent failures from several processes must not be lost. */
  async findForUpdate(manager: EntityManager, key: string): Promise<SignInThrottleEntity | null> {
    const query = manager
      .getRepository(SignInThrottleEntity)
      .createQueryBuilder('t')
      .where('t.throttle_key = :key', { key });
    if (manager.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
    return query.getOne();
  }

  async save(manager: EntityManager, row: SignInThrottleEntity): Promise<void> {
    await manager.getRepository(SignInThrottleEntity).upsert(row, ['throttleKey']);
  }

  async clear(manager: EntityManager, keys: string[]): Promise<void> {
    await manager.getRepository(SignInThrottleEntity).delete({ throttleKey: In(keys) });
  }

  /** Counters untouched for a day hold nothing that still blocks anyone. */
  async deleteStale(manager: EntityManager, before: number): Promise<void> {
    await manager.getRepository(SignInThrottleEntity).delete({ updatedAt: LessThan(before) });
  }

  async isKnownIp(staffId: number, ip: string): Promise<boolean> {
    return this.dataSource.getRepository(StaffKnownIpEntity).existsBy({ staffId, ip });
  }

  async rememberIp(manager: EntityManager, staffId: number, ip: string, now: number): Promise<void> {
    await manager.getRepository(StaffKnownIpEntity).upsert({ staffId, ip, lastSeenAt: now }, ['staffId', 'ip']);
  }
}
