import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { DevMailboxMessageEntity } from './dev-mailbox-message.entity';

@Injectable()
export class DevMailboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(DevMailboxMessageEntity);
  }

  async add(manager: EntityManager, message: DevMailboxMessageEntity): Promise<void> {
    await this.repo(manager).insert(message);
  }

  latest(limit: number): Promise<DevMailboxMessageEntity[]> {
    return this.repo().find({ order: { id: 'DESC' }, take: limit });
  }

  findById(id: number): Promise<DevMailboxMessageEntity | null> {
    return this.repo().findOneBy({ id });
  }
}
