// The activity log's scenarios for bench: a supervisor's first page, filtered pages and deep pages
// (by cursor, as the list pages past its first pages), each beside the statements the api sends.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { PASSWORD_ACTIONS } from './activity-mix.mjs';

const requireDist = createRequire(import.meta.url);

/**
 * The api's own statements of the log (activity-list-statements.ts) and its reading of a filter,
 * from the build, on first use (bench checks the build is there before), escaped by TypeORM's MySQL
 * driver as the api's DataSource escapes them (the driver is never connected): the baseline sends
 * the very statement the api sends, so it cannot drift from it.
 */
let built;
function apiStatements() {
  if (built) return built;
  const { activityPageStatement } = requireDist('../apps/api/dist/modules/activity/activity-list-statements.js');
  const { activityCriteria } = requireDist('../apps/api/dist/modules/activity/activity-filter.js');
  const { driver } = new (requireDist('typeorm').DataSource)({ type: 'mysql' });
  built = {
    pageStatement: (filter, page, rangesVersion) =>
      activityPageStatement(driver, activityCriteria(filter), page, { rangesVersion }),
  };
  return built;
}

/** range=[0,49], what the bench asks; the api reads one row more to know whether there is an older page. */
const PAGE = 50;

/** What to ask for, from random entries of the trail: busy agents and clients come up as often as they act. */
export async function pickActivity(pool, samples) {
  const [[{ entries }]] = await pool.query('SELECT MAX(seq) AS entries FROM audit_log');
  if (!entries || entries < 10_000) return null;
  const seqs = Array.from({ length: samples * 4 }, () => 1 + Math.floor(Math.random() * entries));
  const [rows] = await pool.query('SELECT actor_type, actor_id, client_id FROM audit_log WHERE seq IN (?)', [seqs]);
  const agents = rows
    .filter((row) => row.actor_type === 'staff')
    .map((row) => Number(row.actor_id))
    .slice(0, samples);
  const clients = rows
    .filter((row) => row.client_id !== null)
    .map((row) => row.client_id)
    .slice(0, samples);
  // Deep pages start among the oldest tenth of the trail: a year and more back.
  const cursors = Array.from({ length: samples }, () =>
    Math.floor(entries / 100 + (Math.random() * entries * 9) / 100),
  );
  return { entries, agents, clients, cursors };
}

/** Scenarios as bench runs them: paths for the api, and jobs of the same statements for the baseline. */
export function activityScenarios({ agents, clients, cursors }) {
  const scenario = (name, cases) => ({
    name,
    paths: cases.map(([filter, cursor]) => pathOf(filter, cursor)),
    jobs: cases.map(([filter, cursor]) => pageSql(filter, cursor)),
  });
  const agentPasswords = (staffId) => ({ staffId, action: PASSWORD_ACTIONS });
  return [
    scenario('activity first page', [[{}]]),
    scenario('activity: password actions', [[{ action: PASSWORD_ACTIONS }]]),
    scenario(
      'activity: agent password actions',
      agents.map((staffId) => [agentPasswords(staffId)]),
    ),
    scenario(
      'activity: one client',
      clients.map((clientId) => [{ clientId }]),
    ),
    scenario(
      'activity deep page',
      cursors.map((cursor) => [{}, cursor]),
    ),
    scenario(
      'activity deep: agent',
      agents.map((staffId, i) => [{ staffId }, cursors[i]]),
    ),
    scenario(
      'activity deep: agent password actions',
      agents.map((staffId, i) => [agentPasswords(staffId), cursors[i]]),
    ),
  ];
}

function pathOf(filter, cursor) {
  const query = new URLSearchParams({
    ...(Object.keys(filter).length ? { filter: JSON.stringify(filter) } : {}),
    range: `[0,${PAGE - 1}]`,
  });
  if (cursor) query.set('cursor', String(cursor));
  return `/api/activity?${query}`;
}

/**
 * GET /api/activity as the api runs it: the controller's page (by range, or by cursor), one row
 * more than asked (ActivityQueryService, to know whether there is an older page), and
 * ActivityRepository.reviewedPage's statement with the reviewed ranges' version. Between reviews
 * the api answers "reviewed" from its copy of the ranges, so a page is this one statement (after a
 * review, the api's first page reloads the ranges once).
 */
function pageSql(filter, cursor) {
  const page = cursor ? { beforeSeq: cursor, limit: PAGE + 1 } : { offset: 0, limit: PAGE + 1 };
  return [apiStatements().pageStatement(filter, page, true)];
}

/** The export's filter: about a tenth of a 10M-entry trail (sign-outs and opened tickets). */
const EXPORT_ACTIONS = ['user.signed_out', 'ticket.opened'];
const EXPORT_BATCH = 1000;

/**
 * GET /api/activity/export of about a million entries as JSON Lines: its time, and the api's
 * resident memory sampled every 100 ms (flat memory means the peak stays near the start), beside
 * the same keyset batches read straight through mysql2 and serialized.
 */
export async function measureExport(api, pool) {
  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${api.pid}/status`, 'utf8'))[1]) / 1024;
  const before = rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rss());
  }, 100);
  const filter = encodeURIComponent(JSON.stringify({ action: EXPORT_ACTIONS }));
  let started = performance.now();
  const response = await fetch(`${api.base}/api/activity/export?format=jsonl&filter=${filter}`, {
    headers: { cookie: api.cookie },
  });
  let rows = 0;
  let bytes = 0;
  for await (const chunk of response.body) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) rows += 1;
  }
  const apiSeconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  started = performance.now();
  let sqlRows = 0;
  for (let beforeSeq; ;) {
    // ActivityExportService's batches: ActivityRepository.page's statement, without the ranges' version.
    const [batch] = await pool.query(
      ...apiStatements().pageStatement({ action: EXPORT_ACTIONS }, { beforeSeq, limit: EXPORT_BATCH }, false),
    );
    batch.map((row) => JSON.stringify(row)).join('\n');
    sqlRows += batch.length;
    if (batch.length < EXPORT_BATCH) break;
    beforeSeq = batch[batch.length - 1].seq;
  }
  const sqlSeconds = (performance.now() - started) / 1000;
  const mib = (value) => `${value.toFixed(0)} MiB`;
  console.log(
    `activity export (JSON Lines): ${rows.toLocaleString('en')} rows, ${(bytes / 2 ** 20).toFixed(0)} MiB in ${apiSeconds.toFixed(1)} s ` +
      `(${Math.round(rows / apiSeconds).toLocaleString('en')} rows/s); api memory ${mib(before)} before, peak ${mib(peak)} (+${mib(peak - before)}); ` +
      `the same batches through mysql2: ${sqlRows.toLocaleString('en')} rows in ${sqlSeconds.toFixed(1)} s, ratio ${(apiSeconds / sqlSeconds).toFixed(2)}×`,
  );
  return { rows, apiSeconds, sqlSeconds, before, peak };
}
