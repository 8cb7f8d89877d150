import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';

import { WebhookDeliveryStatus } from '@keydesk/domain';

import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookEntity } from './webhook.entity';

/** Webhooks and their deliveries; a delivery is claimed by one worker at a time, across processes. */
@Injectable()
export class WebhookRepository {
  constructor(private readonly dataSource: DataSource) {}

  private hooks(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(WebhookEntity);
  }

  private deliveries(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(WebhookDeliveryEntity);
  }

  async insert(manager: EntityManager, row: Omit<WebhookEntity, 'id'>): Promise<WebhookEntity> {
    const entity = Object.assign(new WebhookEntity(), row);
    await this.hooks(manager).insert(entity);
    return entity;
  }

  async setSecret(manager: EntityManager, id: number, secretSealed: string): Promise<void> {
    await this.hooks(manager).update({ id }, { secretSealed });
  }

  findLive(id: number, manager?: EntityManager): Promise<WebhookEntity | null> {
    return this.hooks(manager).findOneBy({ id, deletedAt: IsNull() });
  }

  live(manager?: EntityManager): Promise<WebhookEntity[]> {
    return this.hooks(manager).find({ where: { deletedAt: IsNull() }, order: { id: 'ASC' } });
  }

  async remove(manager: EntityManager, id: number, now: number): Promise<boolean> {
    const result = await this.hooks(manager).update({ id, deletedAt: IsNull() }, { deletedAt: now });
    if ((result.affected ?? 0) === 0) return false;
    // What waits for a receiver that is gone is not sent.
    await this.deliveries(manager).update(
      { webhookId: id, status: WebhookDeliveryStatus.Pending },
      { status: WebhookDeliveryStatus.Failed, nextAttemptAt: null },
    );
    return true;
  }

  async queue(manager: EntityManager, rows: Array<Omit<WebhookDeliveryEntity, 'id'>>): Promise<void> {
    if (rows.length) await this.deliveries(manager).insert(rows);
  }

  deliveriesOf(webhookId: number, offset: number, limit: number): Promise<[WebhookDeliveryEntity[], number]> {
    return this.deliveries().findAndCount({ where: { webhookId }, order: { id: 'DESC' }, skip: offset, take: limit });
  }

  findDelivery(id: number): Promise<WebhookDeliveryEntity | null> {
    return this.deliveries().findOneBy({ id });
  }

  hasDue(now: number): Promise<boolean> {
    return this.deliveries()
      .createQueryBuilder('d')
      .where('d.status = :pending AND d.next_attempt_at <= :now', { pending: WebhookDeliveryStatus.Pending, now })
      .getExists();
  }

  /**
   * Takes up to `limit` due deliveries for one worker (FOR UPDATE SKIP LOCKED on MySQL, serialized
   * transactions on SQLite), moving each one's next attempt to the claim's end: one whose worker
   * died is due again then.
   */
  async claimDue(
    manager: EntityManager,
    claim: { now: number; until: number; claimant: string; limit: number },
  ): Promise<WebhookDeliveryEntity[]> {
    const query = this.deliveries(manager)
      .createQueryBuilder('d')
      .where('d.status = :pending AND d.next_attempt_at <= :now', {
        pending: WebhookDeliveryStatus.Pending,
        now: claim.now,
      })
      .orderBy('d.nextAttemptAt', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .limit(claim.limit);
    if (manager.connection.options.type !== 'better-sqlite3')
      query.setLock('pessimistic_write').setOnLocked('skip_locked');
    const rows = await query.getMany();
    if (rows.length === 0) return [];
    await this.deliveries(manager)
      .createQueryBuilder()
      .update()
      .set({ claimedBy: claim.claimant, claimedUntil: claim.until, nextAttemptAt: claim.until })
      .whereInIds(rows.map((row) => row.id))
      .execute();
    return rows.map((row) => Object.assign(row, { claimedBy: claim.claimant, claimedUntil: claim.until }));
  }

  /** The attempt's outcome, if this worker still holds the claim; false when it was lost meanwhile. */
  async release(
    manager: EntityManager,
    delivery: WebhookDeliveryEntity,
    changes: Pick<WebhookDeliveryEntity, 'status' | 'attempts' | 'attemptLog' | 'nextAttemptAt' | 'deliveredAt'>,
  ): Promise<boolean> {
    const result = await this.deliveries(manager).update(
      { id: delivery.id, claimedBy: delivery.claimedBy ?? '' },
      { ...changes, claimedBy: null, claimedUntil: null },
    );
    return (result.affected ?? 0) > 0;
  }

  /** "Send again": a delivered or given-up event is due once more, with the same webhook-id. */
  async requeue(manager: EntityManager, id: number, now: number): Promise<boolean> {
    const result = await this.deliveries(manager)
      .createQueryBuilder()
      .update()
      .set({ status: WebhookDeliveryStatus.Pending, nextAttemptAt: now, deliveredAt: null })
      .where('id = :id AND status <> :pending', { id, pending: WebhookDeliveryStatus.Pending })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
