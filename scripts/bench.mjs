#!/usr/bin/env node
// How fast an agent finds a client and opens its Users tab, and a supervisor pages through the
// activity log, on a large database, against the floor of the same SQL sent straight to the server:
//   npm run build && npm run seed:large && npm run bench [-- --duration 10 --connections 16 --runs 3 --only profile]
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import autocannon from 'autocannon';
import mysql from 'mysql2/promise';

import { activityScenarios, measureExport, pickActivity } from './bench-activity.mjs';
import { AUDIT_HMAC_KEY } from './audit-key.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    samples: { type: 'string', default: '200' },
    runs: { type: 'string', default: '1' },
    only: { type: 'string' },
  },
});
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const SAMPLES = Number(args.samples);
/** Rounds of (api, sql) per scenario: the verdict is on their medians, so one noisy round does not decide it. */
const RUNS = Math.max(1, Number(args.runs));
const DATABASE_URL = (process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/keydesk_large').replace(
  /^mariadb:/,
  'mysql:',
);
for (const file of ['apps/api/dist/main.js', 'apps/api/dist/cli.js']) {
  if (!existsSync(`${ROOT}/${file}`)) fail(`Missing ${file}: run \`npm run build\` first.`);
}
// The api's own query rules, so the baseline asks the database exactly what the api asks.
const requireDist = createRequire(import.meta.url);
const { queryWords, queryPhrase } = requireDist(`${ROOT}/apps/api/dist/modules/clients/search-words.js`);
const { searchInNameOrder } = requireDist(`${ROOT}/apps/api/dist/modules/clients/client-name-search.js`);

/** The issues' targets; the floor has none: it shows what the cheapest signed-in request costs on this machine. */
const TARGETS = { search: 30, profile: 20, activity: 30 };
const MAX_RATIO = 2;
const PAGE = 25;
const WARM_UP_MS = 5_000;
const API_WARM_UP_SECONDS = 2;

/** The client list's search sorted by company name: the api's own statements
 *  (client-name-search.ts), run here through mysql2 with the same words and phrase. */
function searchSql(q) {
  const search = { words: queryWords(q), phrase: queryPhrase(q), offset: 0, limit: PAGE, order: 'ASC' };
  return (pool) => searchInNameOrder(async (sql, params) => (await pool.query(sql, params))[0], search);
}

/** What every signed-in request reads before its own work: the session row with its staff member,
 *  roles and permissions, in one statement (StaffSessionRepository.findWithStaff). */
const requestSql = (api) => [
  [
    `SELECT se.id_hash AS idHash, se.staff_id AS staffId, se.created_at AS createdAt, se.last_seen_at AS lastSeenAt,
    se.expires_at AS expiresAt, se.csrf_token AS csrfToken, se.ip AS sessionIp, se.user_agent AS sessionUserAgent,
    se.signed_in_with AS signedInWith, se.stepped_up_at AS steppedUpAt,
    se.second_factor_pending AS secondFactorPending, se.failed_second_factors AS failedSecondFactors,
    s.id, s.username, s.email, s.display_name AS displayName, r.id AS roleId, r.name AS roleName, g.permission
    FROM staff_sessions se LEFT JOIN staff s ON s.id = se.staff_id AND s.status = ? LEFT JOIN staff_roles sr ON sr.staff_id = s.id
    LEFT JOIN roles r ON r.id = sr.role_id LEFT JOIN role_permissions g ON g.role_id = r.id
    WHERE se.id_hash = ?`,
    ['active', api.sessionHash],
  ],
];

/** GET /api/clients/:id reads the client by id. */
const clientSql = (id) => [['SELECT * FROM clients WHERE id = ?', [id]]];

/** GET /api/clients/:id/users: the owner-first page of memberships with their users and the count
 *  beside each row (ClientUserRepository.pageForClient selects every mapped column as
 *  alias_column: the tables' columns, listed by columnsOf); the client itself is read only when
 *  the page is empty (a 404 or no users), which no sampled client's is. */
const usersSql = (id, columns) => [
  [
    `SELECT ${columns}, COUNT(*) OVER () AS total FROM client_users m INNER JOIN users u ON u.id = m.user_id
    WHERE m.client_id = ? ORDER BY m.owner DESC, m.username ASC, u.id ASC LIMIT ? OFFSET ?`,
    [id, PAGE, 0],
  ],
];

/** `alias.column AS alias_column, ...` over a table's columns: the lists hydrate.selectColumns and TypeORM build. */
async function columnList(pool, table, alias) {
  const [rows] = await pool.query(
    'SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
    [table],
  );
  return rows.map(({ name }) => `${alias}.${name} AS ${alias}_${name}`).join(', ');
}

async function columnsOf(pool) {
  return `${await columnList(pool, 'client_users', 'm')}, ${await columnList(pool, 'users', 'u')}`;
}

const searchPath = (q) =>
  `/api/clients?filter=${encodeURIComponent(JSON.stringify({ q }))}&range=${encodeURIComponent(`[0,${PAGE - 1}]`)}&sort=${encodeURIComponent('["companyName","ASC"]')}`;

/** Real values to search for, from random clients: what agents type when a customer calls. */
async function pickSamples(pool) {
  const [[{ maxId, clients }]] = await pool.query('SELECT MAX(id) AS maxId, COUNT(*) AS clients FROM clients');
  if (!clients) fail('The database has no clients: run `npm run seed:large` first.');
  const ids = Array.from({ length: SAMPLES }, () => 1 + Math.floor(Math.random() * maxId));
  const [rows] = await pool.query('SELECT id, company_name, client_key, phone FROM clients WHERE id IN (?)', [ids]);
  const [users] = await pool.query(
    'SELECT u.email FROM client_users m JOIN users u ON u.id = m.user_id WHERE m.client_id IN (?)',
    [ids],
  );
  const [[{ maxContact }]] = await pool.query('SELECT MAX(id) AS maxContact FROM contacts');
  const contactIds = Array.from({ length: SAMPLES }, () => 1 + Math.floor(Math.random() * (maxContact ?? 0)));
  const [contacts] = await pool.query('SELECT last_name FROM contacts WHERE id IN (?)', [contactIds]);
  const legalForm = /^(s\.?a\.?|s\.?c\.?|c\.?v\.?|de|del|la|el|los|las|ltda\.?|s\.a\.s\.|r\.l\.)$/i;
  const companyWord = (name) => {
    const candidates = name.split(/\s+/).filter((word) => word.length >= 4 && !legalForm.test(word));
    return candidates[Math.floor(Math.random() * candidates.length)] ?? name;
  };
  return {
    clients,
    ids: rows.map((row) => row.id),
    queries: {
      'search company word': rows.map((row) => companyWord(row.company_name)),
      'search contact last name': contacts.map((row) => row.last_name),
      'search user email': users.map((row) => row.email),
      'search key prefix': rows.map((row) => row.client_key.slice(0, 6)),
      'search phone': rows.map((row) => row.phone),
    },
  };
}

/** Starts the built api on a free port, signed in as a bench administrator; answers its cookie and a stop function. */
async function startApi(pool) {
  // base64url may start with '-': handed over as --password=<it>, never as an option of its own.
  const password = randomBytes(24).toString('base64url');
  // The key seed:large sealed the trail with, so the api's own entries extend a chain that verifies;
  // no retention, so the api never starts archiving the seeded history in the middle of a run.
  const env = {
    ...process.env,
    DATABASE_URL,
    PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    KEYDESK_DEMO_DATA: 'false',
    AUDIT_HMAC_KEY,
    ACTIVITY_RETENTION_DAYS: '0',
  };
  const [[{ staff }]] = await pool.query('SELECT COUNT(*) AS staff FROM staff');
  const [bench] = await pool.query("SELECT id FROM staff WHERE username = 'bench'");
  if (staff === 0) Object.assign(env, { KEYDESK_ADMIN_USER: 'bench', KEYDESK_ADMIN_PASSWORD: password });
  else {
    const command = bench.length
      ? ['staff:reset-password', '--username', 'bench']
      : [
          'staff:create',
          '--username',
          'bench',
          '--email',
          'bench@keydesk.invalid',
          '--name',
          'Benchmark',
          '--role',
          'Administrator',
        ];
    const cli = spawnSync(process.execPath, [`${ROOT}/apps/api/dist/cli.js`, ...command, `--password=${password}`], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    if (cli.status !== 0) fail(`Could not prepare the bench staff member:\n${cli.stdout}${cli.stderr}`);
  }
  const api = spawn(process.execPath, [`${ROOT}/apps/api/dist/main.js`], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => api.exitCode === null && api.kill();
  process.on('exit', stop);
  const base = `http://127.0.0.1:${env.PORT}`;
  for (let tries = 0; ; tries += 1) {
    if (api.exitCode !== null) fail('The api exited while starting (its errors are above).');
    const health = await fetch(`${base}/api/health`).catch(() => null);
    if (health?.ok) break;
    if (tries > 120) fail('The api did not answer /api/health within a minute.');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password }),
  });
  if (!login.ok) fail(`Sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  // Sessions are keyed by the SHA-256 of the cookie's random id.
  const sid = decodeURIComponent(cookie.split('=')[1]);
  const sessionHash = createHash('sha256').update(sid).digest('hex');
  return { base, cookie, stop, sessionHash, pid: api.pid };
}

/** autocannon against the api, every connection cycling through the paths; per-request times in ms. */
async function throughApi(api, paths, duration = DURATION) {
  let next = 0;
  const times = [];
  const instance = autocannon({
    url: api.base,
    connections: CONNECTIONS,
    duration,
    headers: { cookie: api.cookie },
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await instance;
  const failures = result.non2xx + result.errors + result.timeouts;
  if (result.timeouts)
    process.stderr.write(` ${result.timeouts} requests over autocannon's 10 s timeout, not in the times;`);
  if (result.non2xx) {
    const sample = await fetch(api.base + paths[0], { headers: { cookie: api.cookie } });
    process.stderr.write(
      ` ${result.non2xx} answers not 2xx, e.g. GET ${paths[0]} → ${sample.status} ${(await sample.text()).slice(0, 200)};`,
    );
  }
  return { times, perSecond: times.length / DURATION, failures };
}

/** The same statements from CONNECTIONS workers on a pool, for as long: the floor the api stands on. */
/** A job is a list of [sql, params], or a function when a statement depends on an earlier answer. */
async function runJob(pool, job) {
  if (typeof job === 'function') return job(pool);
  for (const [sql, params] of job) await pool.query(sql, params);
}

async function throughSql(pool, jobs) {
  let next = 0;
  const times = [];
  const start = performance.now();
  const end = start + DURATION * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        await runJob(pool, jobs[next++ % jobs.length]);
        times.push(performance.now() - started);
      }
    }),
  );
  // Slow statements finish after the deadline: the rate is over the time actually taken.
  return { times, perSecond: (times.length * 1000) / (performance.now() - start) };
}

function percentile(times, p) {
  const sorted = Float64Array.from(times).sort();
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

async function main() {
  const pool = mysql.createPool({ uri: DATABASE_URL, connectionLimit: CONNECTIONS });
  const samples = await pickSamples(pool);
  const activity = await pickActivity(pool, SAMPLES);
  const [[{ bufferPool, stored }]] = await pool.query(
    'SELECT @@innodb_buffer_pool_size AS bufferPool, SUM(data_length + index_length) AS stored FROM information_schema.tables WHERE table_schema = DATABASE()',
  );
  const api = await startApi(pool);
  const mariadbPid = await databasePid(pool);
  const userColumns = await columnsOf(pool);
  const withRequest = (job) =>
    typeof job === 'function'
      ? async (pool) => {
          for (const [sql, params] of requestSql(api)) await pool.query(sql, params);
          await job(pool);
        }
      : [...requestSql(api), ...job];
  const scenarios = [
    // The cheapest signed-in request (its one statement reads the session and the staff member):
    // the machine's floor under the same load, to read the other figures against.
    { name: 'floor: signed-in session', kind: 'floor', paths: ['/api/auth/session'], jobs: [requestSql(api)] },
    ...Object.entries(samples.queries)
      .filter(([, qs]) => qs.length)
      .map(([name, qs]) => ({
        name,
        kind: 'search',
        paths: qs.map(searchPath),
        jobs: qs.map((q) => withRequest(searchSql(q))),
      })),
    {
      name: 'profile: client',
      kind: 'profile',
      paths: samples.ids.map((id) => `/api/clients/${id}`),
      jobs: samples.ids.map((id) => withRequest(clientSql(id))),
    },
    {
      name: 'profile: users tab',
      kind: 'profile',
      paths: samples.ids.map((id) => `/api/clients/${id}/users?range=${encodeURIComponent(`[0,${PAGE - 1}]`)}`),
      jobs: samples.ids.map((id) => withRequest(usersSql(id, userColumns))),
    },
    ...(activity
      ? activityScenarios(activity).map((scenario) => ({
          ...scenario,
          kind: 'activity',
          jobs: scenario.jobs.map(withRequest),
        }))
      : []),
  ].filter((scenario) => !args.only || scenario.name.includes(args.only));
  const exporting = activity && (!args.only || 'activity export'.includes(args.only));
  if (scenarios.length === 0 && !exporting)
    fail(
      `No scenario matches --only ${args.only}${activity ? '' : ' (the activity scenarios need a trail: npm run seed:large -- --activity N)'}.`,
    );
  console.log(
    `Keydesk bench: ${samples.clients.toLocaleString('en')} clients, ${activity ? `${activity.entries.toLocaleString('en')} audit entries, ` : ''}` +
      `${CONNECTIONS} connections, ${DURATION} s per run, ${SAMPLES} sampled clients, InnoDB buffer pool ${Math.round(bufferPool / 2 ** 20)} MiB for ${Math.round(stored / 2 ** 20)} MiB of tables and indexes, api LOG_LEVEL=warn`,
  );
  // Rows read from disk rather than memory make the figures the disk's: say so before they are read as the api's.
  if (Number(stored) > bufferPool)
    console.log(
      'The buffer pool is smaller than the data: pages read from disk will slow the deep and scattered reads (SET GLOBAL innodb_buffer_pool_size=...).',
    );
  if (!activity && !args.only)
    console.log('No activity trail to page through: `npm run seed:large -- --activity N` adds one.');
  const results = [];
  for (const scenario of scenarios) {
    // An untimed pass reads the sampled rows into the buffer pool, so neither side alone pays the cold reads.
    const warmUntil = Date.now() + WARM_UP_MS;
    for (const job of scenario.jobs) {
      if (Date.now() > warmUntil) break;
      await runJob(pool, job);
    }
    // And an untimed run through the api, so the first round is not the one that compiles its code paths.
    await throughApi(api, scenario.paths, API_WARM_UP_SECONDS);
    const rounds = [];
    for (let round = 1; round <= RUNS; round += 1) {
      process.stderr.write(`${scenario.name}${RUNS > 1 ? ` (${round}/${RUNS})` : ''}: api…`);
      const cpu = cpuMeter(api.pid, mariadbPid);
      const viaApi = await throughApi(api, scenario.paths);
      const cpuPerRequest = cpu.perRequest(viaApi.times.length);
      process.stderr.write(' sql…\n');
      const viaSql = await throughSql(pool, scenario.jobs);
      rounds.push({ viaApi, viaSql, cpuPerRequest });
    }
    results.push({ ...scenario, rounds });
  }
  const exported = exporting ? await measureExport(api, pool) : null;
  api.stop();
  await pool.end();
  report(results);
  // Flat memory: the export may not grow the api by more than a batch's worth, whatever its length.
  if (exported && exported.peak - exported.before > 128) results.push({ pass: false });
  process.exit(results.every((row) => row.pass) ? 0 : 1);
}

function report(results) {
  const header = [
    'scenario',
    'p50',
    'p95',
    'p99',
    'req/s',
    'sql p95',
    'ratio',
    ...(RUNS > 1 ? ['p95 range', 'ratio range'] : []),
    'cpu api',
    'cpu db',
    'target',
    'result',
  ];
  const ms = (value) => value.toFixed(1);
  const lines = results.map((row) => {
    const rounds = row.rounds.map(({ viaApi, viaSql, cpuPerRequest }) => {
      const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(viaApi.times, p));
      const base95 = percentile(viaSql.times, 95);
      return {
        p50,
        p95,
        p99,
        base95,
        ratio: p95 / base95,
        perSecond: viaApi.perSecond,
        failures: viaApi.failures,
        ...cpuPerRequest,
      };
    });
    const med = (key) => median(rounds.map((round) => round[key]));
    const range = (key, format) =>
      `${format(Math.min(...rounds.map((r) => r[key])))}–${format(Math.max(...rounds.map((r) => r[key])))}`;
    const target = TARGETS[row.kind];
    const [p95, ratio] = [med('p95'), med('ratio')];
    row.pass =
      target === undefined || (rounds.every((round) => round.failures === 0) && p95 <= target && ratio <= MAX_RATIO);
    const cpu = (value) => (value === null ? '–' : value.toFixed(2));
    return [
      row.name,
      ms(med('p50')),
      ms(p95),
      ms(med('p99')),
      Math.round(med('perSecond')),
      ms(med('base95')),
      `${ratio.toFixed(2)}×`,
      ...(RUNS > 1 ? [range('p95', ms), range('ratio', (value) => `${value.toFixed(2)}×`)] : []),
      cpu(med('api')),
      cpu(rounds[0].db === null ? null : med('db')),
      target === undefined ? '–' : `≤${target} ms, ≤${MAX_RATIO}×`,
      target === undefined ? 'info' : row.pass ? 'PASS' : 'FAIL',
    ];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((line) => String(line[i]).length)));
  for (const line of [header, ...lines])
    console.log(
      line.map((cell, i) => (i ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]))).join('  '),
    );
  console.log(
    'Times in ms per request (the api) or per statement group (sql, the same statements straight to the database)' +
      `${RUNS > 1 ? `; medians of ${RUNS} rounds, each an api run then a sql run` : ''}. cpu: ms of CPU per api request spent by the api` +
      ' process and by MariaDB (when it runs on this machine), from /proc.',
  );
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** CPU time of the api and the database server over an api run, from /proc: where a request's cost goes. */
function cpuMeter(apiPid, databasePid) {
  const ticks = (pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return null;
    }
  };
  const msPerTick = 1000 / 100; // USER_HZ is 100 on Linux
  const start = { api: ticks(apiPid), db: databasePid ? ticks(databasePid) : null };
  return {
    perRequest(requests) {
      const spent = (pid, before) =>
        before === null || !requests ? null : ((ticks(pid) - before) * msPerTick) / requests;
      return { api: spent(apiPid, start.api), db: databasePid ? spent(databasePid, start.db) : null };
    },
  };
}

/** MariaDB's own process id when it runs on this machine (its pid file is readable), else null. */
async function databasePid(pool) {
  try {
    const [[{ pidFile }]] = await pool.query('SELECT @@pid_file AS pidFile');
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(pid) && existsSync(`/proc/${pid}/stat`) ? pid : null;
  } catch {
    return null;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

main().catch((error) => fail(`bench failed: ${error.stack ?? error}`));
