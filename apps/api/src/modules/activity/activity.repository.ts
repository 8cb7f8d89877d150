import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';

import { activityActionGroupOf, activityActionsMatching } from '@keydesk/domain';

import { containsPattern } from '../../common/text/fold';
import { bigintTransformer } from '../../database/bigint.transformer';
import { AuditEntryEntity, ListedAuditEntry } from '../audit/audit-entry.entity';
import { StaffEntity } from '../staff/staff.entity';
import { ActivityCriteria } from './activity-filter';
import { soleIndexOf } from './activity-page-index';
import { ReviewedRangesCopy, SeqRange, VersionedRanges } from './reviewed-ranges-copy';

/** The columns of a ListedAuditEntry. */
const LIST_COLUMNS = 'seq, id, occurred_at, actor_type, actor_id, actor_name, action, subject_type, subject_id, subject_name, client_id, ip, details';

/** A row of LIST_COLUMNS as mysql2 and better-sqlite3 hand it. */
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
 * The reviewed ranges' version, read in a page's own statement: the same snapshot as its entries
 * (a scalar subquery on a one-row table, read once per statement).
 */
const RANGES_VERSION_COLUMN = '(SELECT version FROM activity_reviewed_ranges_version WHERE id = 1) AS rangesVersion';

/**
 * How many merged ranges a process keeps in memory (about 5 MB of them). Entries marked one by one
 * under a filter are ranges of one entry each: past this many, pages ask the database instead.
 */
const MAX_KEPT_RANGES = 100_000;

export interface ActivityPage {
  /** Rows older than this sequence number (keyset); absent: from the newest. */
  beforeSeq?: number;
  /** Only for the first pages of a list; deep pages go by beforeSeq. */
  offset?: number;
  limit: number;
}

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
    return (await this.pageRows(criteria, page, '')).map((row) => this.listed(row));
  }

  /**
   * A page as the log lists it: each entry with whether any review covers it, from this process's
   * copy of the reviewed ranges when it is of the version the page's statement read. Otherwise
   * (right after a review, or with more ranges than a copy keeps) from the ranges around the
   * page's entries, in a second statement.
   */
  async reviewedPage(criteria: ActivityCriteria, page: ActivityPage): Promise<Array<{ entry: ListedAuditEntry; reviewed: boolean }>> {
    const rows = await this.pageRows(criteria, page, `, ${RANGES_VERSION_COLUMN}`);
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

  /**
   * A page in plain SQL. One newest-first index range scan per branch: a list of actions, or
   * "about or by this user", reads each action (each side) by its own index in seq order, and the
   * page is taken from their union; a whole group of actions is one range (audit_log.action_group).
   * Read as one condition with IN or OR, MariaDB would walk the primary key backwards and test row
   * after row.
   */
  private async pageRows(criteria: ActivityCriteria, page: ActivityPage, extraColumns: string): Promise<ListedRow[]> {
    const params: Record<string, unknown> = {};
    const common = this.conditions(criteria, params);
    if (page.beforeSeq !== undefined) {
      common.push('seq < :beforeSeq');
      params.beforeSeq = page.beforeSeq;
    }
    const branches = this.branches(criteria, params);
    const depth = (page.offset ?? 0) + page.limit;
    const where = (extra: string | null) => {
      const all = extra ? [...common, extra] : common;
      return all.length ? `WHERE ${all.join(' AND ')}` : '';
    };
    // MariaDB and MySQL only: SQLite's planner makes no index dives, and its INDEXED BY fails rather than falls back.
    const index = branches.length <= 1 && this.dataSource.options.type !== 'better-sqlite3' ? soleIndexOf(criteria) : undefined;
    const sql = branches.length <= 1
      ? `SELECT ${LIST_COLUMNS}${extraColumns} FROM audit_log e${index ? ` USE INDEX (${index})` : ''} ${where(branches[0] ?? null)} ORDER BY seq DESC LIMIT ${page.limit} OFFSET ${page.offset ?? 0}`
      : `SELECT ${LIST_COLUMNS.replace(/(^|, )/g, '$1e.')}${extraColumns} FROM audit_log e INNER JOIN (SELECT seq FROM (${branches
        .map((branch, i) => `SELECT seq FROM (SELECT seq FROM audit_log ${where(branch)} ORDER BY seq DESC LIMIT ${depth}) b${i}`)
        .join(' UNION ')}) u ORDER BY seq DESC LIMIT ${page.limit} OFFSET ${page.offset ?? 0}) p ON p.seq = e.seq ORDER BY e.seq DESC`;
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    return this.dataSource.query(query, values);
  }

  async count(criteria: ActivityCriteria): Promise<number> {
    const params: Record<string, unknown> = {};
    const where = this.conditions(criteria, params);
    const branches = this.branches(criteria, params);
    if (branches.length) where.push(`((${branches.join(') OR (')}))`);
    const sql = `SELECT COUNT(*) AS n FROM audit_log${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    const [row] = await this.dataSource.query(query, values) as Array<{ n: string | number }>;
    return Number(row.n);
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

  /**
   * Which review covers what (marks and periods, for an entry's detail), and the merged ranges the
   * list reads. Called inside the review's transaction, after its audit entry: the chain head's
   * lock serializes reviews, so two never merge ranges at once.
   */
  async saveCoverage(manager: EntityManager, coverage: ReviewCoverage): Promise<void> {
    for (const entrySeq of coverage.entrySeqs ?? []) {
      await manager.query('INSERT INTO activity_review_marks (entry_seq, review_seq) VALUES (?, ?)', [entrySeq, coverage.reviewSeq]);
    }
    if (coverage.range) {
      await manager.query('INSERT INTO activity_review_periods (review_seq, from_seq, to_seq) VALUES (?, ?, ?)',
        [coverage.reviewSeq, coverage.range.fromSeq, coverage.range.toSeq]);
    }
    const runs = coverage.range ? [coverage.range] : consecutiveRuns(coverage.entrySeqs ?? []);
    for (const run of runs) await this.mergeReviewedRange(manager, run);
    // In the same transaction: every process's copy of the ranges is stale from the commit on.
    await manager.query('UPDATE activity_reviewed_ranges_version SET version = version + 1 WHERE id = 1');
  }

  /** Every merged range with the version they are at, in one statement (one snapshot); null ranges past MAX_KEPT_RANGES. */
  private async allRanges(): Promise<VersionedRanges> {
    const rows = await this.dataSource.query(
      `SELECT v.version, r.from_seq AS fromSeq, r.to_seq AS toSeq FROM activity_reviewed_ranges_version v
       LEFT JOIN activity_reviewed_ranges r ON 1 = 1 WHERE v.id = 1 ORDER BY r.from_seq LIMIT ${MAX_KEPT_RANGES + 1}`,
    ) as Array<{ version: string | number; fromSeq: string | number | null; toSeq: string | number | null }>;
    const version = Number(rows[0].version);
    if (rows.length > MAX_KEPT_RANGES) return { version, ranges: null };
    return { version, ranges: rows.filter((row) => row.fromSeq !== null).map((row) => ({ fromSeq: Number(row.fromSeq), toSeq: Number(row.toSeq) })) };
  }

  /** Adds [fromSeq, toSeq] to activity_reviewed_ranges, absorbing the ranges it overlaps or touches. */
  private async mergeReviewedRange(manager: EntityManager, { fromSeq, toSeq }: SeqRange): Promise<void> {
    if (toSeq < fromSeq) return;
    // Those starting inside [fromSeq, toSeq + 1] touch it; the one starting below only if it reaches fromSeq - 1.
    const absorbed = (await this.rangesAround(manager, fromSeq, toSeq + 1)).filter((range) => range.fromSeq >= fromSeq || range.toSeq >= fromSeq - 1);
    const merged = absorbed.reduce<SeqRange>(
      (range, row) => ({ fromSeq: Math.min(range.fromSeq, row.fromSeq), toSeq: Math.max(range.toSeq, row.toSeq) }),
      { fromSeq, toSeq },
    );
    if (absorbed.length) {
      await manager.query(`DELETE FROM activity_reviewed_ranges WHERE from_seq IN (${absorbed.map(() => '?').join(', ')})`,
        absorbed.map((range) => range.fromSeq));
    }
    await manager.query('INSERT INTO activity_reviewed_ranges (from_seq, to_seq) VALUES (?, ?)', [merged.fromSeq, merged.toSeq]);
  }

  /**
   * The merged reviewed ranges that can hold a sequence number from `fromSeq` to `toSeq`, oldest
   * first: the one starting nearest below fromSeq, and those starting inside. Two index range
   * reads that touch these ranges and no others (they never overlap nor touch each other).
   */
  private async rangesAround(manager: EntityManager, fromSeq: number, toSeq: number): Promise<SeqRange[]> {
    const rows = await manager.query(
      `SELECT from_seq AS fromSeq, to_seq AS toSeq FROM (SELECT from_seq, to_seq FROM activity_reviewed_ranges WHERE from_seq < ? ORDER BY from_seq DESC LIMIT 1) below
       UNION ALL SELECT from_seq, to_seq FROM activity_reviewed_ranges WHERE from_seq >= ? AND from_seq <= ? ORDER BY fromSeq`,
      [fromSeq, fromSeq, toSeq],
    ) as RangeRow[];
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
    const rows = await this.dataSource.query(
      `SELECT entry_seq AS a, review_seq AS b, NULL AS c FROM activity_review_marks WHERE entry_seq IN (${seqs.map(() => '?').join(', ')})
       UNION ALL SELECT review_seq, from_seq, to_seq FROM activity_review_periods WHERE from_seq <= ? AND to_seq >= ?`,
      [...seqs, Math.max(...seqs), Math.min(...seqs)],
    ) as Array<{ a: string | number; b: string | number; c: string | number | null }>;
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

  /** The conditions every branch shares, with their named parameters. */
  private conditions(criteria: ActivityCriteria, params: Record<string, unknown>): string[] {
    const where: string[] = [];
    const add = (condition: string, values: Record<string, unknown>) => {
      where.push(condition);
      Object.assign(params, values);
    };
    if (criteria.clientId !== undefined) add('client_id = :clientId', { clientId: criteria.clientId });
    if (criteria.staffId !== undefined) add("actor_type = 'staff' AND actor_id = :staffId", { staffId: String(criteria.staffId) });
    if (criteria.from) add('occurred_at >= :from', { from: criteria.from });
    if (criteria.to) add('occurred_at < :to', { to: criteria.to });
    if (criteria.ip) add('ip = :ip', { ip: criteria.ip });
    if (criteria.q) {
      // The text as the log shows it: names, and actions by their labels ("contraseña") or values.
      const labelled = activityActionsMatching(criteria.q);
      const byLabel = labelled.length ? ' OR action IN (:...labelled)' : '';
      add(`(LOWER(actor_name) LIKE :like ESCAPE '!' OR LOWER(subject_name) LIKE :like ESCAPE '!' OR action LIKE :like ESCAPE '!'${byLabel})`,
        { like: containsPattern(criteria.q), labelled });
    }
    return where;
  }

  /**
   * One condition per index range to read: each action asked for (or their group, when they are
   * exactly one of ACTIVITY_ACTION_GROUPS), times each side of the user.
   */
  private branches(criteria: ActivityCriteria, params: Record<string, unknown>): string[] {
    const group = criteria.actions?.length ? activityActionGroupOf(criteria.actions) : undefined;
    if (group) params.actionGroup = group;
    const actions = group ? ['action_group = :actionGroup'] : (criteria.actions ?? []).map((action, i) => {
      params[`action${i}`] = action;
      return `action = :action${i}`;
    });
    if (criteria.userId === undefined) return actions;
    params.userId = String(criteria.userId);
    const sides = ["subject_type = 'user' AND subject_id = :userId", "actor_type = 'user' AND actor_id = :userId"];
    return actions.length ? sides.flatMap((side) => actions.map((action) => `${side} AND ${action}`)) : sides;
  }
}
