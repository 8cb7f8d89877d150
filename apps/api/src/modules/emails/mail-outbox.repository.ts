import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { MailStatus } from '@keydesk/domain';

import { EmailFilter } from './email-filter';
import { MailOutboxEntity } from './mail-outbox.entity';

export const EMAIL_SORT_FIELDS = ['id'] as const;
export type EmailSortField = (typeof EMAIL_SORT_FIELDS)[number];

export interface EmailPage {
  offset: number;
  limit: number;
  sortOrder: 'ASC' | 'DESC';
}

export interface Claim {
  now: number;
  until: number;
  claimant: string;
  limit: number;
}

const WAITING = [MailStatus.Queued, MailStatus.Retrying];

@Injectable()
export class MailOutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(MailOutboxEntity);
  }

  insert(manager: EntityManager, mail: MailOutboxEntity): Promise<MailOutboxEntity> {
    return this.repo(manager).save(mail);
  }

  findById(id: number): Promise<MailOutboxEntity | null> {
    return this.repo().findOneBy({ id });
  }

  /** Newest first by default; the Emails tab filters by client, the Manage user page by user. */
  search(filter: EmailFilter, page: EmailPage): Promise<[MailOutboxEntity[], number]> {
    const query = this.repo().createQueryBuilder('mail');
    if (filter.ids) query.andWhere(filter.ids.length ? 'mail.id IN (:...ids)' : '1 = 0', { ids: filter.ids });
    if (filter.clientId) query.andWhere('mail.client_id = :clientId', { clientId: filter.clientId });
    if (filter.userId) query.andWhere('mail.user_id = :userId', { userId: filter.userId });
    if (filter.ticketId) query.andWhere('mail.ticket_id = :ticketId', { ticketId: filter.ticketId });
    if (filter.statuses) query.andWhere('mail.status IN (:...statuses)', { statuses: filter.statuses });
    return query.orderBy('mail.id', page.sortOrder).offset(page.offset).limit(page.limit).getManyAndCount();
  }

  /** A plain read on the (status, next_attempt_at) index: most ticks find nothing and open no transaction. */
  hasDue(now: number): Promise<boolean> {
    return this.repo()
      .createQueryBuilder('mail')
      .where('mail.status IN (:...waiting)', { waiting: WAITING })
      .andWhere('mail.next_attempt_at <= :now', { now })
      .getExists();
  }

  /**
   * Takes up to `limit` due mails for one worker, inside the caller's short transaction. On
   * MySQL/MariaDB `FOR UPDATE SKIP LOCKED` lets workers in other processes claim other rows at the
   * same moment instead of waiting; SQLite transactions are serialized by TransactionRunner. The
   * claim moves `next_attempt_at` to its end, so a mail whose worker died is due again then.
   */
  async claimDue(manager: EntityManager, claim: Claim): Promise<MailOutboxEntity[]> {
    const query = this.repo(manager)
      .createQueryBuilder('mail')
      .where('mail.status IN (:...waiting)', { waiting: WAITING })
      .andWhere('mail.next_attempt_at <= :now', { now: claim.now })
      .orderBy('mail.nextAttemptAt', 'ASC')
      .addOrderBy('mail.id', 'ASC')
      .limit(claim.limit);
    if (manager.connection.options.type !== 'better-sqlite3')
      query.setLock('pessimistic_write').setOnLocked('skip_locked');
    const rows = await query.getMany();
    if (rows.length === 0) return [];
    await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({
        claimedBy: claim.claimant,
        claimedUntil: claim.until,
        nextAttemptAt: claim.until,
        attempts: () => 'attempts + 1',
      })
      .whereInIds(rows.map((row) => row.id))
      .execute();
    return rows.map((row) =>
      Object.assign(row, {
        claimedBy: claim.claimant,
        claimedUntil: claim.until,
        nextAttemptAt: claim.until,
        attempts: row.attempts + 1,
      }),
    );
  }

  /** Sent: the secrets are wiped in the same statement. False when the claim was lost meanwhile. */
  markSent(manager: EntityManager, mail: MailOutboxEntity, sentAt: Date): Promise<boolean> {
    return this.release(manager, mail, { status: MailStatus.Sent, sentAt, secrets: null, lastError: null });
  }

  /** Another attempt at `nextAttemptAt`, or, with `nextAttemptAt` null, given up on and wiped. */
  markFailed(
    manager: EntityManager,
    mail: MailOutboxEntity,
    lastError: string,
    nextAttemptAt: number | null,
  ): Promise<boolean> {
    return this.release(
      manager,
      mail,
      nextAttemptAt === null
        ? { status: MailStatus.Failed, secrets: null, lastError }
        : { status: MailStatus.Retrying, nextAttemptAt, lastError },
    );
  }

  private async release(
    manager: EntityManager,
    mail: MailOutboxEntity,
    changes: Partial<MailOutboxEntity>,
  ): Promise<boolean> {
    const result = await this.repo(manager).update(
      { id: mail.id, claimedBy: mail.claimedBy ?? '' },
      { ...changes, claimedBy: null, claimedUntil: null },
    );
    return (result.affected ?? 0) > 0;
  }
}
