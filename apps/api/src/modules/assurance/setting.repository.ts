import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { SettingEntity } from './setting.entity';

/** Settings by name; every api process reads the same row, so a change holds everywhere at once. */
@Injectable()
export class SettingRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(name: string, manager: EntityManager = this.dataSource.manager): Promise<SettingEntity | null> {
    return manager.getRepository(SettingEntity).findOneBy({ name });
  }

  async save(manager: EntityManager, row: SettingEntity): Promise<void> {
    await manager.getRepository(SettingEntity).upsert(row, ['name']);
  }
}
