// The activity log's trail for seed:large: N audit entries over the last two years up to now,
// about the seeded clients, users and tickets, sealed with the api's own chainHash under the key
// the bench starts the api with (audit-key.mjs), so GET /api/activity/verify accepts the trail.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

import { createMix, PASSWORD_ACTIONS } from './activity-mix.mjs';
import { AUDIT_HMAC_KEY } from './audit-key.mjs';
import { Progress, ROWS_PER_INSERT, seededRandom, sql, sqlDate } from './bulk-load.mjs';

export const ACTIVITY_DIST = {
  chain: 'apps/api/dist/modules/audit/audit-chain.js',
  config: 'apps/api/dist/config/config-errors.js',
  reviewedRanges: 'apps/api/dist/database/migrations/reviewed-ranges-backfill.js',
};
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SPAN_HOURS = 2 * 365 * 24;
/** Mexico City time: the desk's working day shapes the curve. */
const LOCAL_OFFSET = -6 * HOUR;
const BY_LOCAL_HOUR = [
  0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.4, 0.8, 1.5, 2.4, 2.8, 2.9, 2.7, 2.3, 2.5, 2.7, 2.6, 2.2, 1.6, 1.2, 0.9, 0.7, 0.5,
  0.3,
];
const BY_WEEKDAY = [0.35, 1, 1, 1, 1, 1, 0.55];
const COLUMNS =
  '(seq,id,occurred_at,actor_type,actor_id,actor_name,action,subject_type,subject_id,subject_name,ip,user_agent,details,prev_hash,hash,client_id)';
const text = (value) => (value === null ? 'NULL' : sql(value));

/**
 * Appends `total` entries to an empty audit_log through `lane`, then points audit_chain_head at
 * the last one and writes the reviews' coverage (marks, periods and their merged ranges). `db`
 * reads what the entries are about.
 */
export async function loadActivity(lane, db, total, root) {
  const require = createRequire(import.meta.url);
  const { chainHash, GENESIS_HASH } = require(`${root}/${ACTIVITY_DIST.chain}`);
  const key = auditKey(require(`${root}/${ACTIVITY_DIST.config}`));
  process.stderr.write('Activity: reading the clients, users, tickets and staff it is about…\n');
  const people = await readPeople(db);
  if (!people.users.id.length || !people.tickets.id.length)
    throw new Error('the database has no users or tickets for the activity to be about');
  const random = seededRandom(2027);
  const mix = createMix(random, people);
  const end = Math.floor(Date.now() / HOUR) * HOUR;
  const counts = hourlyCounts(total, end);
  const progress = new Progress('Activity', total, 'entries');
  const coverage = { periods: [], marks: [] };
  const dayStartSeq = new Map();
  let reviewedUpTo = null;
  let unreviewed = [];
  let seq = 0;
  let prevHash = GENESIS_HASH;
  let rows = [];

  const append = async (fields, time) => {
    seq += 1;
    // The mix's fresh object becomes the entry in place: no copy per row.
    const entry = Object.assign(fields, {
      seq,
      id: randomUUID(),
      occurredAt: new Date(time),
      details: JSON.stringify(fields.details),
      prevHash,
    });
    entry.hash = chainHash(key, entry);
    rows.push(
      `(${seq},'${entry.id}',${sqlDate(entry.occurredAt)},'${entry.actorType}',${text(entry.actorId)},${sql(entry.actorName)},'${entry.action}',` +
        `${text(entry.subjectType)},${text(entry.subjectId)},${text(entry.subjectName)},${text(entry.ip)},${text(entry.userAgent)},` +
        `${sql(entry.details)},'${prevHash}','${entry.hash}',${entry.clientId ?? 'NULL'})`,
    );
    prevHash = entry.hash;
    if (rows.length >= ROWS_PER_INSERT || seq === total) {
      // One connection: InnoDB locks a table that was empty when a transaction first inserted into it.
      await lane.send(`INSERT INTO audit_log ${COLUMNS} VALUES ${rows.join(',')}`);
      progress.rows += rows.length;
      rows = [];
    }
    return entry;
  };

  for (let h = 0; h < SPAN_HOURS; h += 1) {
    const start = end - (SPAN_HOURS - h) * HOUR;
    if (start % DAY === 0) dayStartSeq.set(start, seq + 1);
    reviewedUpTo ??= dayStartSeq.keys().next().value ?? null;
    const local = new Date(start + LOCAL_OFFSET);
    const [hour, weekday] = [local.getUTCHours(), local.getUTCDay()];
    const today = start - (start % DAY);
    for (let k = 0; k < counts[h]; k += 1) {
      const time = start + Math.floor(((k + random()) * HOUR) / counts[h]);
      let fields;
      let covers = null;
      // Weekdays at 9:00 a supervisor reviews the days since the last review as a period;
      // Fridays at 13:00, the week's latest password actions one by one.
      if (k === 0 && hour === 9 && weekday >= 1 && weekday <= 5 && reviewedUpTo !== null && reviewedUpTo < today) {
        const [fromSeq, toSeq] = [dayStartSeq.get(reviewedUpTo), dayStartSeq.get(today) - 1];
        fields = mix.review({
          from: new Date(reviewedUpTo).toISOString(),
          to: new Date(today).toISOString(),
          covered: toSeq - fromSeq + 1,
        });
        covers = (reviewSeq) => coverage.periods.push(`(${reviewSeq},${fromSeq},${toSeq})`);
        reviewedUpTo = today;
      } else if (k === 0 && hour === 13 && weekday === 5 && unreviewed.length) {
        const marked = unreviewed.slice(-50);
        fields = mix.review({ entryIds: marked.map((entry) => entry.id), covered: marked.length });
        covers = (reviewSeq) => coverage.marks.push(...marked.map((entry) => `(${entry.seq},${reviewSeq})`));
        unreviewed = [];
      } else {
        fields = mix.entry(time);
      }
      const entry = await append(fields, time);
      covers?.(entry.seq);
      if (PASSWORD_ACTIONS.includes(entry.action)) unreviewed.push({ seq: entry.seq, id: entry.id });
    }
    progress.draw(seq);
  }
  await lane.drain();
  progress.done(seq);
  await db.query('UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1', [seq, prevHash]);
  for (const [table, list] of [
    ['activity_review_periods (review_seq,from_seq,to_seq)', coverage.periods],
    ['activity_review_marks (entry_seq,review_seq)', coverage.marks],
  ]) {
    for (let i = 0; i < list.length; i += ROWS_PER_INSERT)
      await db.query(`INSERT INTO ${table} VALUES ${list.slice(i, i + ROWS_PER_INSERT).join(',')}`);
  }
  // The merged ranges the list reads "reviewed" from, by the migration's own backfill.
  const { backfillReviewedRanges } = require(`${root}/${ACTIVITY_DIST.reviewedRanges}`);
  await backfillReviewedRanges({ query: async (statement, parameters) => (await db.query(statement, parameters))[0] });
  // As every change of the ranges does: a running api's copy of them is stale from now on.
  await db.query('UPDATE activity_reviewed_ranges_version SET version = version + 1 WHERE id = 1');
  return { entries: seq, periods: coverage.periods.length, marks: coverage.marks.length, agents: mix.agents.length };
}

/** The key as the api reads AUDIT_HMAC_KEY (hex or base64, at least 32 bytes). */
function auditKey({ ConfigErrors, readKey }) {
  const errors = new ConfigErrors();
  const key = readKey({ AUDIT_HMAC_KEY }, errors, 'AUDIT_HMAC_KEY');
  errors.throwIfAny();
  return key;
}

/** Entries per hour: busy in the desk's working hours, quiet at night and at weekends, growing over the two years. */
function hourlyCounts(total, end) {
  const weights = new Float64Array(SPAN_HOURS);
  let sum = 0;
  for (let h = 0; h < SPAN_HOURS; h += 1) {
    const local = new Date(end - (SPAN_HOURS - h) * HOUR + LOCAL_OFFSET);
    weights[h] = BY_LOCAL_HOUR[local.getUTCHours()] * BY_WEEKDAY[local.getUTCDay()] * (0.6 + (0.4 * h) / SPAN_HOURS);
    sum += weights[h];
  }
  const counts = new Uint32Array(SPAN_HOURS);
  let cumulative = 0;
  let given = 0;
  for (let h = 0; h < SPAN_HOURS; h += 1) {
    cumulative += weights[h];
    const upTo = h === SPAN_HOURS - 1 ? total : Math.round((total * cumulative) / sum);
    counts[h] = upTo - given;
    given = upTo;
  }
  return counts;
}

/** The seeded customers, users, tickets and contacts, read in slices by primary key (their other keys may be off). */
async function readPeople(db) {
  const slices = async (table, column, select, each) => {
    const [[{ top }]] = await db.query(`SELECT MAX(${column}) AS top FROM ${table}`);
    for (let low = 0; low < (top ?? 0); low += 100_000) {
      const [rows] = await db.query(`${select} WHERE ${column} > ? AND ${column} <= ?`, [low, low + 100_000]);
      rows.forEach(each);
    }
  };
  const clients = { id: [], name: [] };
  await slices('clients', 'id', 'SELECT id, company_name FROM clients', (row) => {
    clients.id.push(row.id);
    clients.name.push(row.company_name);
  });
  const [[{ topUser }]] = await db.query('SELECT MAX(id) AS topUser FROM users');
  const users = { id: [], name: [], email: [], client: [], position: new Int32Array((topUser ?? 0) + 1).fill(-1) };
  await slices(
    'client_users m',
    'm.client_id',
    'SELECT m.client_id, u.id, u.first_name, u.last_name, u.email FROM client_users m JOIN users u ON u.id = m.user_id',
    (row) => {
      if (users.position[row.id] < 0) users.position[row.id] = users.id.length;
      users.id.push(row.id);
      users.name.push(`${row.first_name} ${row.last_name}`);
      users.email.push(row.email);
      users.client.push(row.client_id);
    },
  );
  const tickets = { id: [], client: [], user: [], subject: [], subjects: [] };
  const subjectIndex = new Map();
  await slices('tickets', 'id', 'SELECT id, client_id, user_id, subject FROM tickets', (row) => {
    if (!subjectIndex.has(row.subject)) subjectIndex.set(row.subject, tickets.subjects.push(row.subject) - 1);
    tickets.id.push(row.id);
    tickets.client.push(row.client_id);
    tickets.user.push(row.user_id ?? 0);
    tickets.subject.push(subjectIndex.get(row.subject));
  });
  const contacts = { id: [], client: [], name: [] };
  await slices('contacts', 'id', 'SELECT id, client_id, first_name, last_name FROM contacts', (row) => {
    contacts.id.push(row.id);
    contacts.client.push(row.client_id);
    contacts.name.push(`${row.first_name} ${row.last_name}`);
  });
  // The bench's own account is not one of the desk's agents.
  const [staff] = await db.query(
    "SELECT id, display_name AS name FROM staff WHERE status = 'active' AND username <> 'bench' ORDER BY id",
  );
  return { clients, users, tickets, contacts, staff };
}
