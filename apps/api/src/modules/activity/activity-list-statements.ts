import type { Driver } from 'typeorm';

import { activityActionGroupOf, activityActionsMatching } from '@keydesk/domain';

import { containsPattern } from '../../common/text/fold';
import { ActivityCriteria } from './activity-filter';
import { soleIndexOf } from './activity-page-index';

/**
 * The statements of the filtered log (a page, the count), built apart from running them: the
 * benchmark (scripts/bench-activity.mjs) sends these very statements through mysql2 as its
 * baseline, so the floor it measures cannot drift from what the api sends. Free of Nest; the
 * driver only escapes the named parameters, as it does for every statement the api runs.
 */

/** The columns of a ListedAuditEntry. */
const LIST_COLUMNS =
  'seq, id, occurred_at, actor_type, actor_id, actor_name, action, subject_type, subject_id, subject_name, client_id, ip, details';

/**
 * The reviewed ranges' version, read in a page's own statement: the same snapshot as its entries
 * (a scalar subquery on a one-row table, read once per statement).
 */
const RANGES_VERSION_COLUMN = '(SELECT version FROM activity_reviewed_ranges_version WHERE id = 1) AS rangesVersion';

export interface ActivityPage {
  /** Rows older than this sequence number (keyset); absent: from the newest. */
  beforeSeq?: number;
  /** Only for the first pages of a list; deep pages go by beforeSeq. */
  offset?: number;
  limit: number;
}

/** A statement and its values, as the driver hands them to the database. */
export type ActivityStatement = [sql: string, values: unknown[]];

/**
 * A page in plain SQL, with the reviewed ranges' version as `rangesVersion` when asked. One
 * newest-first index range scan per branch: a list of actions, or "about or by this user", reads
 * each action (each side) by its own index in seq order, and the page is taken from their union; a
 * whole group of actions is one range (audit_log.action_group). Read as one condition with IN or
 * OR, MariaDB would walk the primary key backwards and test row after row.
 */
export function activityPageStatement(
  driver: Driver,
  criteria: ActivityCriteria,
  page: ActivityPage,
  { rangesVersion }: { rangesVersion: boolean },
): ActivityStatement {
  const params: Record<string, unknown> = {};
  const common = conditions(criteria, params);
  if (page.beforeSeq !== undefined) {
    common.push('seq < :beforeSeq');
    params.beforeSeq = page.beforeSeq;
  }
  const branches = rangeBranches(criteria, params);
  const depth = (page.offset ?? 0) + page.limit;
  const extraColumns = rangesVersion ? `, ${RANGES_VERSION_COLUMN}` : '';
  const where = (extra: string | null) => {
    const all = extra ? [...common, extra] : common;
    return all.length ? `WHERE ${all.join(' AND ')}` : '';
  };
  // MariaDB and MySQL only: SQLite's planner makes no index dives, and its INDEXED BY fails rather than falls back.
  const index = branches.length <= 1 && driver.options.type !== 'better-sqlite3' ? soleIndexOf(criteria) : undefined;
  const sql =
    branches.length <= 1
      ? `SELECT ${LIST_COLUMNS}${extraColumns} FROM audit_log e${index ? ` USE INDEX (${index})` : ''} ${where(branches[0] ?? null)} ORDER BY seq DESC LIMIT ${page.limit} OFFSET ${page.offset ?? 0}`
      : `SELECT ${LIST_COLUMNS.replace(/(^|, )/g, '$1e.')}${extraColumns} FROM audit_log e INNER JOIN (SELECT seq FROM (${branches
          .map(
            (branch, i) =>
              `SELECT seq FROM (SELECT seq FROM audit_log ${where(branch)} ORDER BY seq DESC LIMIT ${depth}) b${i}`,
          )
          .join(
            ' UNION ',
          )}) u ORDER BY seq DESC LIMIT ${page.limit} OFFSET ${page.offset ?? 0}) p ON p.seq = e.seq ORDER BY e.seq DESC`;
  return driver.escapeQueryWithParameters(sql, params);
}

/** How many entries match, as `n`: every branch in one condition (a timeline's total, its entries are few). */
export function activityCountStatement(driver: Driver, criteria: ActivityCriteria): ActivityStatement {
  const params: Record<string, unknown> = {};
  const where = conditions(criteria, params);
  const branches = rangeBranches(criteria, params);
  if (branches.length) where.push(`((${branches.join(') OR (')}))`);
  const sql = `SELECT COUNT(*) AS n FROM audit_log${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  return driver.escapeQueryWithParameters(sql, params);
}

/** The conditions every branch shares, with their named parameters. */
function conditions(criteria: ActivityCriteria, params: Record<string, unknown>): string[] {
  const where: string[] = [];
  const add = (condition: string, values: Record<string, unknown>) => {
    where.push(condition);
    Object.assign(params, values);
  };
  if (criteria.clientId !== undefined) add('client_id = :clientId', { clientId: criteria.clientId });
  if (criteria.staffId !== undefined)
    add("actor_type = 'staff' AND actor_id = :staffId", { staffId: String(criteria.staffId) });
  if (criteria.from) add('occurred_at >= :from', { from: criteria.from });
  if (criteria.to) add('occurred_at < :to', { to: criteria.to });
  if (criteria.ip) add('ip = :ip', { ip: criteria.ip });
  if (criteria.q) {
    // The text as the log shows it: names, and actions by their labels ("contraseña") or values.
    const labelled = activityActionsMatching(criteria.q);
    const byLabel = labelled.length ? ' OR action IN (:...labelled)' : '';
    add(
      `(LOWER(actor_name) LIKE :like ESCAPE '!' OR LOWER(subject_name) LIKE :like ESCAPE '!' OR action LIKE :like ESCAPE '!'${byLabel})`,
      { like: containsPattern(criteria.q), labelled },
    );
  }
  return where;
}

/**
 * One condition per index range to read: each action asked for (or their group, when they are
 * exactly one of ACTIVITY_ACTION_GROUPS), times each side of the user.
 */
function rangeBranches(criteria: ActivityCriteria, params: Record<string, unknown>): string[] {
  const group = criteria.actions?.length ? activityActionGroupOf(criteria.actions) : undefined;
  if (group) params.actionGroup = group;
  const actions = group
    ? ['action_group = :actionGroup']
    : (criteria.actions ?? []).map((action, i) => {
        params[`action${i}`] = action;
        return `action = :action${i}`;
      });
  if (criteria.userId === undefined) return actions;
  params.userId = String(criteria.userId);
  const sides = ["subject_type = 'user' AND subject_id = :userId", "actor_type = 'user' AND actor_id = :userId"];
  return actions.length ? sides.flatMap((side) => actions.map((action) => `${side} AND ${action}`)) : sides;
}
