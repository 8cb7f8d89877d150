import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';

import { ActivityAction } from '@keydesk/domain';

import { bigintTransformer } from '../../database/bigint.transformer';
import { AuditEntryEntity, ListedAuditEntry } from '../audit/audit-entry.entity';
import { StaffEntity } from '../staff/staff.entity';
import { ActivityCriteria } from './activity-filter';
import { activityCountStatement, ActivityPage, activityPageStatement } from './activity-list-statements';
import { ReviewedRangesCopy, SeqRange, VersionedRanges } from './reviewed-ranges-copy';

/** A row of a page's statement (activity-list-statements.ts) as mysql2 and better-sqlite3 hand it. */
interface ListedRow {
  seq: string | number;
  id: string;
  occurred_at: Date | string;
  actor_type: ListedAuditEntry['actorType'];
  actor_id: string | null;
  actor_name: string;
  action: ListedAuditEntry['action'];
  subject_type: ListedAuditEntry['subjectType'];
  subject_id: string | null;
  subject_name: string | null;
  client_id: number | null;
  ip: string | null;
  details: string;
  rangesVersion?: string | number;
}

/**
 * How many merged ranges a process keeps in memory (about 5 MB of them). Entries marked one by one
 * under a filter are ranges of one entry each: past this many, pages ask the database instead.
 */
const MAX_KEPT_RANGES = 100_000;

type RangeRow = { fromSeq: string | number; toSeq: string | number };

/** Sequence numbers as runs of consecutive ones: [3, 1, 2, 7] → 1–3 and 7–7. */
export function consecutiveRuns(seqs: readonly number[]): SeqRange[] {
  const runs: SeqRange[] = [];
  for (const seq of [...new Set(seqs)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && seq === last.toSeq + 1) last.toSeq = seq;
    else runs.push({ fromSeq: seq, toSeq: seq });
  }
  return runs;
}

/** Whether one of `ranges` (oldest first, never overlapping) holds `seq`, by binary search. */
function anyHolds(ranges: readonly SeqRange[], seq: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (ranges[middle].toSeq < seq) low = middle + 1;
    else if (ranges[middle].fromSeq > seq) high = middle - 1;
    else return true;
  }
  return false;
}

/** A review's coverage: entries by sequence number, or a period as a range of them. */
export interface ReviewCoverage {
  reviewSeq: number;
  entrySeqs?: number[];
  range?: SeqRange;
}

/**
 * The reading side of the audit trail. Every filter has an index ending in seq (client, actor,
 * subject, action, ip, time), so a page newest-first is a short backwards range scan, however
 * long the trail, and deep pages go by seq (keyset), never by OFFSET.
 */
@Injectable()
export class ActivityRepository {
  /** The time as the entity's column converts it (a Date from mysql2, text from SQLite). */
  private readonly occurredAtOf: (value: Date | string) => Date;

  /** The reviewed ranges as this process last read them. */
  private readonly reviewedRanges = new ReviewedRangesCopy(() => this.allRanges());

  constructor(private readonly dataSource: DataSource) {
    const column = dataSource.getMetadata(AuditEntryEntity).findColumnWithPropertyName('occurredAt')!;
    this.occurredAtOf = (value) => dataSource.driver.prepareHydratedValue(value, column) as Date;
  }

  /** A page of entries with the columns a list shows (the export's batches). */
  async page(criteria: ActivityCriteria, page: ActivityPage): Promise<ListedAuditEntry[]> {
    return (await this.pageRows(criteria, page, false)).map((row) => this.listed(row));
  }

  /**
   * A page as the log lists it: each entry with whether any review covers it, from this process's
   * copy of the reviewed ranges when it is of the version the page's statement read. Otherwise
   * (right after a review, or with more ranges than a copy keeps) from the ranges around the
   * page's entries, in a second statement.
   */
  async reviewedPage(
    criteria: ActivityCriteria,
    page: ActivityPage,
  ): Promise<Array<{ entry: ListedAuditEntry; reviewed: boolean }>> {
    const rows = await this.pageRows(criteria, page, true);
    if (rows.length === 0) return [];
    const entries = rows.map((row) => this.listed(row));
    const seqs = entries.map((entry) => entry.seq);
    const kept = await this.reviewedRanges.at(Number(rows[0].rangesVersion));
    const reviewed = kept ? new Set(seqs.filter((seq) => anyHolds(kept, seq))) : await this.reviewedAmong(seqs);
    return entries.map((entry) => ({ entry, reviewed: reviewed.has(entry.seq) }));
  }

  /** Which of `seqs` a review covers, from the merged ranges around them (two index range reads). */
  async reviewedAmong(seqs: readonly number[]): Promise<Set<number>> {
    if (seqs.length === 0) return new Set();
    const ranges = await this.rangesAround(this.dataSource.manager, Math.min(...seqs), Math.max(...seqs));
    return new Set(seqs.filter((seq) => anyHolds(ranges, seq)));
  }

  /**
   * A row as an entry. Only the sequence number (a BIGINT, which mysql2 may hand over as a string)
   * and the time need converting, as the entity's columns convert them; the rest both drivers hand
   * over as the entity holds it. Not hydrate(): its TypeORM conversions of every column cost the
   * list more CPU than the statement costs the database (50 rows on every request, a million in an
   * export).
   */
  private listed(row: ListedRow): ListedAuditEntry {
    return {
      seq: bigintTransformer.from(row.seq) as number,
      id: row.id,
      occurredAt: this.occurredAtOf(row.occurred_at),
      actorType: row.actor_type,
      actorId: row.actor_id,
      actorName: row.actor_name,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      subjectName: row.subject_name,
      clientId: row.client_id,
      ip: row.ip,
      details: row.details,
    };
  }

  /** A page's rows, by the statement the benchmark's baseline sends too (activity-list-statements.ts). */
  private pageRows(criteria: ActivityCriteria, page: ActivityPage, rangesVersion: boolean): Promise<ListedRow[]> {
    const [query, values] = activityPageStatement(this.dataSource.driver, criteria, page, { rangesVersion });
    return this.dataSource.query(query, values);
  }

  async count(criteria: ActivityCriteria): Promise<number> {
    const [query, values] = activityCountStatement(this.dataSource.driver, criteria);
    const [row] = (await this.dataSource.query(query, values)) as Array<{ n: string | number }>;
    return Number(row.n);
  }

  findById(id: string): Promise<AuditEntryEntity | null> {
    return this.dataSource.getRepository(AuditEntryEntity).findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<AuditEntryEntity[]> {
    return ids.length ? this.dataSource.getRepository(AuditEntryEntity).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findBySeqs(seqs: number[]): Promise<AuditEntryEntity[]> {
    return seqs.length
      ? this.dataSource.getRepository(AuditEntryEntity).findBy({ seq: In(seqs) })
      : Promise.resolve([]);
  }

  /** The first and last sequence numbers in a time range, and how many entries it holds (by the time index). */
  async seqRange(from: Date, to: Date): Promise<{ fromSeq: number; toSeq: number; count: number } | null> {
    const [row] = await this.dataSource
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('e')
      .select('MIN(e.seq)', 'fromSeq')
      .addSelect('MAX(e.seq)', 'toSeq')
      .addSelect('COUNT(*)', 'count')
      .where('e.occurred_at >= :from AND e.occurred_at < :to', { from, to })
      .getRawMany<{ fromSeq: string | number | null; toSeq: string | number | null; count: string | number }>();
    if (!row || row.fromSeq === null || row.toSeq === null) return null;
    return { fromSeq: Number(row.fromSeq), toSeq: Number(row.toSeq), count: Number(row.count) };
  }

  /**
   * Which review covers what (marks and periods, for an entry's detail), and the merged ranges the
   * list reads. Called inside the review's transaction, after its audit entry: the chain head's
   * lock serializes reviews, so two never merge ranges at once.
   */
  async saveCoverage(manager: EntityManager, coverage: ReviewCoverage): Promise<void> {
    for (const entrySeq of coverage.entrySeqs ?? []) {
      await manager.query('INSERT INTO activity_review_marks (entry_seq, review_seq) VALUES (?, ?)', [
        entrySeq,
        coverage.reviewSeq,
      ]);
    }
    if (coverage.range) {
      await manager.query('INSERT INTO activity_review_periods (review_seq, from_seq, to_seq) VALUES (?, ?, ?)', [
        coverage.reviewSeq,
        coverage.range.fromSeq,
        coverage.range.toSeq,
      ]);
    }
    const runs = coverage.range ? [coverage.range] : consecutiveRuns(coverage.entrySeqs ?? []);
    for (const run of runs) await this.mergeReviewedRange(manager, run);
    // In the same transaction: every process's copy of the ranges is stale from the commit on.
    await manager.query('UPDATE activity_reviewed_ranges_version SET version = version + 1 WHERE id = 1');
  }

  /** Every merged range with the version they are at, in one statement (one snapshot); null ranges past MAX_KEPT_RANGES. */
  private async allRanges(): Promise<VersionedRanges> {
    const rows = (await this.dataSource.query(
      `SELECT v.version, r.from_seq AS fromSeq, r.to_seq AS toSeq FROM activity_reviewed_ranges_version v
       LEFT JOIN activity_reviewed_ranges r ON 1 = 1 WHERE v.id = 1 ORDER BY r.from_seq LIMIT ${MAX_KEPT_RANGES + 1}`,
    )) as Array<{ version: string | number; fromSeq: string | number | null; toSeq: string | number | null }>;
    const version = Number(rows[0].version);
    if (rows.length > MAX_KEPT_RANGES) return { version, ranges: null };
    return {
      version,
      ranges: rows
        .filter((row) => row.fromSeq !== null)
        .map((row) => ({ fromSeq: Number(row.fromSeq), toSeq: Number(row.toSeq) })),
    };
  }

  /** Adds [fromSeq, toSeq] to activity_reviewed_ranges, absorbing the ranges it overlaps or touches. */
  private async mergeReviewedRange(manager: EntityManager, { fromSeq, toSeq }: SeqRange): Promise<void> {
    if (toSeq < fromSeq) return;
    // Those starting inside [fromSeq, toSeq + 1] touch it; the one starting below only if it reaches fromSeq - 1.
    const absorbed = (await this.rangesAround(manager, fromSeq, toSeq + 1)).filter(
      (range) => range.fromSeq >= fromSeq || range.toSeq >= fromSeq - 1,
    );
    const merged = absorbed.reduce<SeqRange>(
      (range, row) => ({ fromSeq: Math.min(range.fromSeq, row.fromSeq), toSeq: Math.max(range.toSeq, row.toSeq) }),
      { fromSeq, toSeq },
    );
    if (absorbed.length) {
      await manager.query(
        `DELETE FROM activity_reviewed_ranges WHERE from_seq IN (${absorbed.map(() => '?').join(', ')})`,
        absorbed.map((range) => range.fromSeq),
      );
    }
    await manager.query('INSERT INTO activity_reviewed_ranges (from_seq, to_seq) VALUES (?, ?)', [
      merged.fromSeq,
      merged.toSeq,
    ]);
  }

  /**
   * The merged reviewed ranges that can hold a sequence number from `fromSeq` to `toSeq`, oldest
   * first: the one starting nearest below fromSeq, and those starting inside. Two index range
   * reads that touch these ranges and no others (they never overlap nor touch each other).
   */
  private async rangesAround(manager: EntityManager, fromSeq: number, toSeq: number): Promise<SeqRange[]> {
    const rows = (await manager.query(
      `SELECT from_seq AS fromSeq, to_seq AS toSeq FROM (SELECT from_seq, to_seq FROM activity_reviewed_ranges WHERE from_seq < ? ORDER BY from_seq DESC LIMIT 1) below
       UNION ALL SELECT from_seq, to_seq FROM activity_reviewed_ranges WHERE from_seq >= ? AND from_seq <= ? ORDER BY fromSeq`,
      [fromSeq, fromSeq, toSeq],
    )) as RangeRow[];
    return rows.map((row) => ({ fromSeq: Number(row.fromSeq), toSeq: Number(row.toSeq) }));
  }

  /**
   * For each of `seqs`, the reviews that cover it: marked one by one, or inside a reviewed period.
   * One statement for both (a list asks it on every page): marks come back as (entry, review),
   * periods as (review, from, to).
   */
  async reviewsCovering(seqs: number[]): Promise<Map<number, number[]>> {
    const covering = new Map<number, number[]>(seqs.map((seq) => [seq, []]));
    if (seqs.length === 0) return covering;
    const rows = (await this.dataSource.query(
      `SELECT entry_seq AS a, review_seq AS b, NULL AS c FROM activity_review_marks WHERE entry_seq IN (${seqs.map(() => '?').join(', ')})
       UNION ALL SELECT review_seq, from_seq, to_seq FROM activity_review_periods WHERE from_seq <= ? AND to_seq >= ?`,
      [...seqs, Math.max(...seqs), Math.min(...seqs)],
    )) as Array<{ a: string | number; b: string | number; c: string | number | null }>;
    for (const row of rows) {
      if (row.c === null) {
        covering.get(Number(row.a))?.push(Number(row.b));
        continue;
      }
      for (const seq of seqs) {
        if (seq >= Number(row.b) && seq <= Number(row.c)) covering.get(seq)!.push(Number(row.a));
      }
    }
    return covering;
  }

  /** Entries of some actions in a time range, oldest first (the dashboard's input; password actions are few). */
  ofActions(actions: readonly string[], from: Date, to: Date, limit: number): Promise<AuditEntryEntity[]> {
    return this.dataSource
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('e')
      .where('e.action IN (:...actions)', { actions })
      .andWhere('e.occurred_at >= :from AND e.occurred_at < :to', { from, to })
      .orderBy('e.seq', 'ASC')
      .take(limit)
      .getMany();
  }

  /** Every staff member's name, disabled ones too: the log names them all. */
  staffNames(): Promise<Array<Pick<StaffEntity, 'id' | 'displayName'>>> {
    return this.dataSource
      .getRepository(StaffEntity)
      .find({ select: { id: true, displayName: true }, order: { displayName: 'ASC', id: 'ASC' } });
  }

  /** The reports ("This wasn't me") a user made, by the (action, seq) index: a handful per user at most. */
  reportsOfUser(userId: string): Promise<AuditEntryEntity[]> {
    return this.dataSource.getRepository(AuditEntryEntity).find({
      where: { action: ActivityAction.UserChangeReported, subjectId: userId },
      order: { seq: 'ASC' },
    });
  }

  /** Customers' successful sign-ins in a time range, by the actor index. */
  signInsOf(userIds: string[], from: Date, to: Date): Promise<AuditEntryEntity[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('e')
      .where("e.actor_type = 'user' AND e.actor_id IN (:...userIds) AND e.action = 'user.signed_in'", { userIds })
      .andWhere('e.occurred_at >= :from AND e.occurred_at < :to', { from, to })
      .orderBy('e.seq', 'ASC')
      .getMany();
  }
}
