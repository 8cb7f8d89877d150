// The bulk-load machinery seed-large and its activity trail share: connections that keep
// INSERTs in flight, keys taken off and put back, a progress bar, seeded randomness.
import mysql from 'mysql2/promise';

export const ROWS_PER_INSERT = 2_000;
const INSERTS_PER_TRANSACTION = 50;

/** mulberry32: tiny, fast and seeded (Math.random cannot be), so runs of one size draw alike mixes. */
export function seededRandom(seed) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sqlDate = (date) => `'${date.toISOString().slice(0, 23).replace('T', ' ')}'`;
export const sql = (text) => (/['\\]/.test(text) ? mysql.escape(text) : `'${text}'`);

/** A connection that takes statements without waiting for each, keeping at most two in flight. */
export class Lane {
  constructor(connection) {
    this.connection = connection;
    this.pending = [];
    this.statements = 0;
  }

  async send(statement) {
    if (this.pending.length >= 2) await this.pending.shift();
    this.queue(statement);
    if (++this.statements % INSERTS_PER_TRANSACTION === 0) this.queue('COMMIT; START TRANSACTION');
  }

  queue(statement) {
    const result = this.connection.query(statement);
    // Awaited later (in send or drain), which is where a failure surfaces; until then it is not "unhandled".
    result.catch(() => {});
    this.pending.push(result);
  }

  async drain() {
    await Promise.all(this.pending.splice(0));
    await this.connection.query('COMMIT');
  }
}

export async function connect(server, database) {
  const connection = await mysql.createConnection({
    ...server,
    database,
    multipleStatements: true,
    charset: 'utf8mb4_unicode_ci',
  });
  // The load keeps every key unique by construction and writes parents first; checking each row would only slow it.
  await connection.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  return connection;
}

/**
 * Secondary keys and foreign keys come off while loading and go back on at the end: InnoDB then
 * builds each index once from sorted rows instead of inserting millions of rows at random places
 * (client_search_terms' primary key is ordered by term, so it comes off too). They are read from
 * the migrated schema, so the result is exactly what the migrations define.
 */
export async function detachKeys(connection, tables) {
  const keys = {};
  for (const table of tables) {
    const [[row]] = await connection.query(`SHOW CREATE TABLE \`${table}\``);
    const lines = row['Create Table'].split('\n').map((line) => line.trim().replace(/,$/, ''));
    const indexes = lines.filter(
      (line) =>
        /^(UNIQUE KEY|KEY|FULLTEXT KEY)/.test(line) ||
        (table === 'client_search_terms' && line.startsWith('PRIMARY KEY')),
    );
    const foreign = lines.filter((line) => line.startsWith('CONSTRAINT'));
    keys[table] = [...indexes, ...foreign];
    const name = (line) => line.match(/`([^`]+)`/)[1];
    if (foreign.length)
      await connection.query(
        `ALTER TABLE \`${table}\` ${foreign.map((f) => `DROP FOREIGN KEY \`${name(f)}\``).join(', ')}`,
      );
    const drops = indexes.map((i) => (i.startsWith('PRIMARY') ? 'DROP PRIMARY KEY' : `DROP INDEX \`${name(i)}\``));
    if (drops.length) await connection.query(`ALTER TABLE \`${table}\` ${drops.join(', ')}`);
  }
  return keys;
}

/**
 * Puts the keys back, biggest table first, on both connections at once. InnoDB reports no
 * progress for these ALTERs, so the bar moves as tables finish and names those in the works.
 */
export async function attachKeys(lanes, keys, counts) {
  const queue = Object.keys(keys)
    .filter((table) => keys[table].length)
    .sort((a, b) => counts[b] - counts[a]);
  const progress = new Progress(
    'Indexing',
    queue.reduce((sum, table) => sum + counts[table], 0),
    'rows',
  );
  const running = new Set();
  const timer = setInterval(() => progress.draw(progress.rows, [...running].join(', ')), 1_000);
  try {
    await Promise.all(
      lanes.map(async ({ connection }) => {
        for (let table = queue.shift(); table; table = queue.shift()) {
          running.add(table);
          await connection.query(`ALTER TABLE \`${table}\` ${keys[table].map((key) => `ADD ${key}`).join(', ')}`);
          await connection.query(`ANALYZE TABLE \`${table}\``);
          running.delete(table);
          progress.rows += counts[table];
        }
      }),
    );
  } finally {
    clearInterval(timer);
  }
  progress.done(progress.total);
}

export class Progress {
  constructor(label, total, unit) {
    Object.assign(this, { label, total, unit, rows: 0, started: Date.now(), last: 0 });
  }

  draw(done, note = '') {
    const now = Date.now();
    if (now - this.last < (process.stderr.isTTY ? 250 : 5_000) && done < this.total) return;
    this.last = now;
    const share = this.total ? done / this.total : 1;
    const elapsed = (now - this.started) / 1000;
    const left = share > 0 ? (elapsed * (1 - share)) / share : 0;
    const bar = '█'.repeat(Math.round(share * 30)).padEnd(30, '░');
    const rate = this.rows ? ` ${Math.round(this.rows / Math.max(elapsed, 0.001)).toLocaleString('en')} rows/s` : '';
    const count = `${Math.round(done).toLocaleString('en')} ${this.unit}${note ? ` (${note})` : ''}`;
    process.stderr.write(
      `\r${this.label} ${bar} ${(share * 100).toFixed(1).padStart(5)}% ${count}${rate} elapsed ${clock(elapsed)} left ${clock(left)}  `,
    );
  }

  done(done, note) {
    this.last = 0;
    this.draw(done, note);
    process.stderr.write('\n');
  }
}

export function clock(seconds) {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function exit(message, code = 1) {
  (code ? console.error : console.log)(message);
  process.exit(code);
}
