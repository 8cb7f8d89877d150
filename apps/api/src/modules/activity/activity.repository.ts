import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';

import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { StaffEntity } from '../staff/staff.entity';
import { ActivityCriteria } from './activity-filter';

export interface ActivityPage {
  /** Rows older than this sequence number (keyset); absent: from the newest. */
  beforeSeq?: number;
  /** Only for the first pages of a list; deep pages go by beforeSeq. */
  offset?: number;
  limit: number;
}

/** A review's coverage: entries by sequence number, or a period as a range of them. */
export interface ReviewCoverage {
  reviewSeq: number;
  entrySeqs?: number[];
  range?: { fromSeq: number; toSeq: number };
}

/**
 * The reading side of the audit trail. Every filter has an index ending in seq (client, actor,
 * subject, action, ip, time), so a page newest-first is a short backwards range scan, however
 * long the trail, and deep pages go by seq (keyset), never by OFFSET.
 */
@Injectable()
export class ActivityRepository {
  constructor(private readonly dataSource: DataSource) {}

  page(criteria: ActivityCriteria, page: ActivityPage): Promise<AuditEntryEntity[]> {
    const query = this.filtered(criteria).orderBy('e.seq', 'DESC').take(page.limit);
    if (page.beforeSeq !== undefined) query.andWhere('e.seq < :beforeSeq', { beforeSeq: page.beforeSeq });
    if (page.offset) query.skip(page.offset);
    return query.getMany();
  }

  count(criteria: ActivityCriteria): Promise<number> {
    return this.filtered(criteria).getCount();
  }

  findById(id: string): Promise<AuditEntryEntity | null> {
    return this.dataSource.getRepository(AuditEntryEntity).findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<AuditEntryEntity[]> {
    return ids.length ? this.dataSource.getRepository(AuditEntryEntity).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findBySeqs(seqs: number[]): Promise<AuditEntryEntity[]> {
    return seqs.length ? this.dataSource.getRepository(AuditEntryEntity).findBy({ seq: In(seqs) }) : Promise.resolve([]);
  }

  /** The first and last sequence numbers in a time range, and how many entries it holds (by the time index). */
  async seqRange(from: Date, to: Date): Promise<{ fromSeq: number; toSeq: number; count: number } | null> {
    const [row] = await this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('e')
      .select('MIN(e.seq)', 'fromSeq').addSelect('MAX(e.seq)', 'toSeq').addSelect('COUNT(*)', 'count')
      .where('e.occurred_at >= :from AND e.occurred_at < :to', { from, to })
      .getRawMany<{ fromSeq: string | number | null; toSeq: string | number | null; count: string | number }>();
    if (!row || row.fromSeq === null || row.toSeq === null) return null;
    return { fromSeq: Number(row.fromSeq), toSeq: Number(row.toSeq), count: Number(row.count) };
  }

  async saveCoverage(manager: EntityManager, coverage: ReviewCoverage): Promise<void> {
    for (const entrySeq of coverage.entrySeqs ?? []) {
      await manager.query('INSERT INTO activity_review_marks (entry_seq, review_seq) VALUES (?, ?)', [entrySeq, coverage.reviewSeq]);
    }
    if (coverage.range) {
      await manager.query('INSERT INTO activity_review_periods (review_seq, from_seq, to_seq) VALUES (?, ?, ?)',
        [coverage.reviewSeq, coverage.range.fromSeq, coverage.range.toSeq]);
    }
  }

  /** For each of `seqs`, the reviews that cover it (marked one by one, or inside a reviewed period). */
  async reviewsCovering(seqs: number[]): Promise<Map<number, number[]>> {
    const covering = new Map<number, number[]>(seqs.map((seq) => [seq, []]));
    if (seqs.length === 0) return covering;
    const marks = await this.dataSource.query(
      `SELECT entry_seq, review_seq FROM activity_review_marks WHERE entry_seq IN (${seqs.map(() => '?').join(', ')})`, seqs,
    ) as Array<{ entry_seq: string | number; review_seq: string | number }>;
    for (const mark of marks) covering.get(Number(mark.entry_seq))?.push(Number(mark.review_seq));
    const periods = await this.dataSource.query(
      'SELECT review_seq, from_seq, to_seq FROM activity_review_periods WHERE from_seq <= ? AND to_seq >= ?',
      [Math.max(...seqs), Math.min(...seqs)],
    ) as Array<{ review_seq: string | number; from_seq: string | number; to_seq: string | number }>;
    for (const period of periods) {
      for (const seq of seqs) {
        if (seq >= Number(period.from_seq) && seq <= Number(period.to_seq)) covering.get(seq)!.push(Number(period.review_seq));
      }
    }
    return covering;
  }

  /** Entries of some actions in a time range, oldest first (the dashboard's input; password actions are few). */
  ofActions(actions: readonly string[], from: Date, to: Date, limit: number): Promise<AuditEntryEntity[]> {
    return this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('e')
      .where('e.action IN (:...actions)', { actions })
      .andWhere('e.occurred_at >= :from AND e.occurred_at < :to', { from, to })
      .orderBy('e.seq', 'ASC').take(limit).getMany();
  }

  /** Every staff member's name, disabled ones too: the log names them all. */
  staffNames(): Promise<Array<Pick<StaffEntity, 'id' | 'displayName'>>> {
    return this.dataSource.getRepository(StaffEntity).find({ select: { id: true, displayName: true }, order: { displayName: 'ASC', id: 'ASC' } });
  }

  /** Customers' successful sign-ins in a time range, by the actor index. */
  signInsOf(userIds: string[], from: Date, to: Date): Promise<AuditEntryEntity[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('e')
      .where("e.actor_type = 'user' AND e.actor_id IN (:...userIds) AND e.action = 'user.signed_in'", { userIds })
      .andWhere('e.occurred_at >= :from AND e.occurred_at < :to', { from, to })
      .orderBy('e.seq', 'ASC').getMany();
  }

  private filtered(criteria: ActivityCriteria): SelectQueryBuilder<AuditEntryEntity> {
    const query = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('e');
    if (criteria.clientId !== undefined) query.andWhere('e.client_id = :clientId', { clientId: criteria.clientId });
    if (criteria.staffId !== undefined) {
      query.andWhere("e.actor_type = 'staff' AND e.actor_id = :staffId", { staffId: String(criteria.staffId) });
    }
    if (criteria.userId !== undefined) {
      query.andWhere(new Brackets((either) => either
        .where("e.subject_type = 'user' AND e.subject_id = :userId")
        .orWhere("e.actor_type = 'user' AND e.actor_id = :userId")), { userId: String(criteria.userId) });
    }
    if (criteria.actions?.length) query.andWhere('e.action IN (:...actions)', { actions: criteria.actions });
    if (criteria.from) query.andWhere('e.occurred_at >= :from', { from: criteria.from });
    if (criteria.to) query.andWhere('e.occurred_at < :to', { to: criteria.to });
    if (criteria.ip) query.andWhere('e.ip = :ip', { ip: criteria.ip });
    if (criteria.q) {
      // '!' escapes LIKE wildcards on both dialects.
      const like = `%${criteria.q.toLowerCase().replace(/[!%_]/g, '!$&')}%`;
      query.andWhere(new Brackets((text) => text
        .where("LOWER(e.actor_name) LIKE :like ESCAPE '!'")
        .orWhere("LOWER(e.subject_name) LIKE :like ESCAPE '!'")
        .orWhere("e.action LIKE :like ESCAPE '!'")), { like });
    }
    return query;
  }
}
