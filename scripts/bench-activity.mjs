// The activity log's scenarios for bench: a supervisor's first page, filtered pages and deep pages
// (by cursor, as the list pages past its first pages), each beside the statements the api sends.
import { PASSWORD_ACTIONS } from './activity-mix.mjs';

/** range=[0,49], what the bench asks; the api reads one row more to know whether there is an older page. */
const PAGE = 50;

/** What to ask for, from random entries of the trail: busy agents and clients come up as often as they act. */
export async function pickActivity(pool, samples) {
  const [[{ entries }]] = await pool.query('SELECT MAX(seq) AS entries FROM audit_log');
  if (!entries || entries < 10_000) return null;
  const seqs = Array.from({ length: samples * 4 }, () => 1 + Math.floor(Math.random() * entries));
  const [rows] = await pool.query('SELECT actor_type, actor_id, client_id FROM audit_log WHERE seq IN (?)', [seqs]);
  const agents = rows.filter((row) => row.actor_type === 'staff').map((row) => Number(row.actor_id)).slice(0, samples);
  const clients = rows.filter((row) => row.client_id !== null).map((row) => row.client_id).slice(0, samples);
  // Deep pages start among the oldest tenth of the trail: a year and more back.
  const cursors = Array.from({ length: samples }, () => Math.floor(entries / 100 + (Math.random() * entries * 9) / 100));
  return { entries, agents, clients, cursors };
}

/** Scenarios as bench runs them: paths for the api, and jobs of the same statements for the baseline. */
export function activityScenarios({ agents, clients, cursors }, columns) {
  const scenario = (name, cases) => ({
    name, paths: cases.map(([filter, cursor]) => pathOf(filter, cursor)), jobs: cases.map(([filter, cursor]) => pageSql(columns, filter, cursor)),
  });
  const agentPasswords = (staffId) => ({ staffId, action: PASSWORD_ACTIONS });
  return [
    scenario('activity first page', [[{}]]),
    scenario('activity: password actions', [[{ action: PASSWORD_ACTIONS }]]),
    scenario('activity: agent password actions', agents.map((staffId) => [agentPasswords(staffId)])),
    scenario('activity: one client', clients.map((clientId) => [{ clientId }])),
    scenario('activity deep page', cursors.map((cursor) => [{}, cursor])),
    scenario('activity deep: agent', agents.map((staffId, i) => [{ staffId }, cursors[i]])),
    scenario('activity deep: agent password actions', agents.map((staffId, i) => [agentPasswords(staffId), cursors[i]])),
  ];
}

function pathOf(filter, cursor) {
  const query = new URLSearchParams({ ...(Object.keys(filter).length ? { filter: JSON.stringify(filter) } : {}), range: `[0,${PAGE - 1}]` });
  if (cursor) query.set('cursor', String(cursor));
  return `/api/activity?${query}`;
}

/**
 * GET /api/activity as ActivityQueryService.list runs it: ActivityRepository.page (TypeORM selects
 * every column as e_<column>, the filters in filtered()'s order, then the cursor; newest first, one
 * row more than the page), then reviewsCovering over the rows shown: their marks, and the periods
 * spanning them.
 */
function pageSql(columns, filter, cursor) {
  const conditions = [
    filter.clientId && ['e.client_id = ?', [filter.clientId]],
    filter.staffId && ["e.actor_type = 'staff' AND e.actor_id = ?", [String(filter.staffId)]],
    filter.action && [`e.action IN (${filter.action.map(() => '?').join(', ')})`, filter.action],
    cursor && ['e.seq < ?', [cursor]],
  ].filter(Boolean);
  const where = conditions.length ? ` WHERE ${conditions.map(([condition]) => condition).join(' AND ')}` : '';
  const params = conditions.flatMap(([, values]) => values);
  const page = `SELECT ${columns} FROM audit_log e${where} ORDER BY e.seq DESC LIMIT ${PAGE + 1}`;
  return async (pool) => {
    const [rows] = await pool.query(page, params);
    const seqs = rows.slice(0, PAGE).map((row) => Number(row.e_seq));
    if (seqs.length === 0) return;
    await pool.query(`SELECT entry_seq, review_seq FROM activity_review_marks WHERE entry_seq IN (${seqs.map(() => '?').join(', ')})`, seqs);
    await pool.query('SELECT review_seq, from_seq, to_seq FROM activity_review_periods WHERE from_seq <= ? AND to_seq >= ?', [Math.max(...seqs), Math.min(...seqs)]);
  };
}
