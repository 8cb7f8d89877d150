import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';

import { ApiTokenEntity } from './api-token.entity';

/** API tokens by their hash; every process reads the row, so a revocation holds at once everywhere. */
@Injectable()
export class ApiTokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByHash(tokenHash: string): Promise<ApiTokenEntity | null> {
    return this.dataSource.getRepository(ApiTokenEntity).findOneBy({ tokenHash });
  }

  findById(id: number): Promise<ApiTokenEntity | null> {
    return this.dataSource.getRepository(ApiTokenEntity).findOneBy({ id });
  }

  async insert(manager: EntityManager, row: Omit<ApiTokenEntity, 'id'>): Promise<ApiTokenEntity> {
    const entity = Object.assign(new ApiTokenEntity(), row);
    await manager.getRepository(ApiTokenEntity).insert(entity);
    return entity;
  }

  page(offset: number, limit: number): Promise<[ApiTokenEntity[], number]> {
    return this.dataSource
      .getRepository(ApiTokenEntity)
      .findAndCount({ order: { id: 'DESC' }, skip: offset, take: limit });
  }

  async revoke(manager: EntityManager, id: number, now: number): Promise<boolean> {
    const result = await manager.getRepository(ApiTokenEntity).update({ id, revokedAt: IsNull() }, { revokedAt: now });
    return (result.affected ?? 0) > 0;
  }

  /** Moves last_used_at only when it is older than `before`: not a write on every request. */
  async touch(manager: EntityManager, id: number, now: number, before: number): Promise<void> {
    await manager
      .getRepository(ApiTokenEntity)
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: now })
      .where('id = :id AND (last_used_at IS NULL OR last_used_at < :before)', { id, before })
      .execute();
  }
}
