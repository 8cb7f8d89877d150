#!/usr/bin/env node
// A large, realistic customer base in MySQL/MariaDB for benchmarks and capacity checks:
//   npm run build && npm run seed:large -- --clients 1000000 [--activity 10000000] [--reset]
// Plain ESM on mysql2 so it runs without a build step of its own; names, keys, search terms and
// the audit chain come from the api's compiled code, so there is one implementation of each rule.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import mysql from 'mysql2/promise';

import {
  attachKeys,
  clock,
  connect,
  detachKeys,
  exit,
  Lane,
  Progress,
  ROWS_PER_INSERT,
  seededRandom,
  sql,
  sqlDate,
} from './bulk-load.mjs';
import { ACTIVITY_DIST, loadActivity } from './seed-activity.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = {
  cli: 'apps/api/dist/cli.js',
  words: 'apps/api/dist/modules/clients/search-words.js',
  demo: 'apps/api/dist/modules/bootstrap/demo-customers.data.js',
  rfc: 'libs/domain/dist/rfc.js',
};
const USAGE = `npm run seed:large -- [--clients N] [--activity N] [--reset]
  --clients N   clients to create (default 1000000), with 2 users and 3 tickets each
  --activity N  audit entries to add (default 0): the activity log of the last two years, chained
                under AUDIT_HMAC_KEY (default: the bench's key, scripts/audit-key.mjs). Without
                --clients, on a database that has clients and an empty trail, adds only the trail.
  --reset       drop and recreate the database first
DATABASE_URL    default mysql://root@127.0.0.1:3306/keydesk_large`;

const { values: args } = (() => {
  try {
    return parseArgs({
      options: {
        clients: { type: 'string' },
        activity: { type: 'string', default: '0' },
        reset: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return exit(`${error.message}\n\n${USAGE}`);
  }
})();
if (args.help) exit(USAGE, 0);
const TOTAL = Number(args.clients ?? 1_000_000);
const ACTIVITY = Number(args.activity);
if (!Number.isInteger(TOTAL) || TOTAL < 1) exit(`--clients must be a positive whole number\n\n${USAGE}`);
if (!Number.isInteger(ACTIVITY) || ACTIVITY < 0) exit(`--activity must be a whole number\n\n${USAGE}`);
const missing = [...Object.values(DIST), ...(ACTIVITY ? Object.values(ACTIVITY_DIST) : [])].filter(
  (file) => !existsSync(`${ROOT}/${file}`),
);
if (missing.length) exit(`Missing ${missing.join(', ')}: run \`npm run build\` first.`);

const require = createRequire(import.meta.url);
const { termsOf } = require(`${ROOT}/${DIST.words}`);
const { companyRfc, personRfc, slug, TICKET_SCRIPTS } = require(`${ROOT}/${DIST.demo}`);
const { isValidRfc } = require(`${ROOT}/${DIST.rfc}`);

const DATABASE_URL = (process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/keydesk_large').replace(
  /^mariadb:/,
  'mysql:',
);
const url = new URL(DATABASE_URL);
const DB = decodeURIComponent(url.pathname.slice(1));
if (url.protocol !== 'mysql:' || !/^\w+$/.test(DB))
  exit('DATABASE_URL must be mysql://user[:password]@host:port/<database name of letters, digits, _>');
const server = {
  host: url.hostname,
  port: Number(url.port || 3306),
  user: decodeURIComponent(url.username || 'root'),
  password: decodeURIComponent(url.password),
};

// Pools instead of faker per row: a million clients must cost seconds of generation, not minutes.
const words = (text) => text.split(' ');
const FIRST = {
  MX: words(
    'José Juan Luis Carlos Jorge Miguel Alejandro Francisco Ricardo Fernando Roberto Eduardo Sergio Arturo Javier Raúl Manuel Daniel Héctor Óscar María Guadalupe Ana Laura Patricia Verónica Gabriela Claudia Adriana Leticia Rosa Alejandra Mónica Elizabeth Silvia Martha Diana Karla Fernanda Ximena',
  ),
  CO: words(
    'Andrés Felipe Santiago Sebastián Camilo Julián Mauricio Diego Alejandro Juan Jhon Wilson Luisa Valentina Daniela Paola Catalina Natalia Marcela Sandra Liliana Yuliana Ángela Carolina Diana Lorena Juliana Esteban',
  ),
};
const SURNAMES = words(
  'Hernández García Martínez López González Pérez Rodríguez Sánchez Ramírez Cruz Flores Gómez Morales Vázquez Reyes Jiménez Torres Díaz Gutiérrez Ruiz Mendoza Aguilar Ortiz Moreno Castillo Romero Álvarez Méndez Chávez Rivera Juárez Ramos Domínguez Herrera Medina Castro Vargas Guzmán Velázquez Muñoz Rojas Salazar Contreras Ortega Guerrero Estrada Núñez Peña Cárdenas Restrepo Ospina Cardona Giraldo Londoño Arango Zapata Quintero Valencia Mejía Osorio Cifuentes Duque Bedoya Henao Betancur Montoya Agudelo Villegas Echeverri Toro Marín Ríos Patiño Sepúlveda Correa Uribe Villaseñor Olvera Téllez Ibarra Rangel Zamora Trejo',
);
const TRADES = words(
  'Abarrotes Ferretería Papelería Farmacia Panadería Transportes Constructora Comercializadora Refaccionaria Tortillería Mueblería Distribuidora Consultorio Laboratorio Servicios Taller Tlapalería Hotel Restaurante Lavandería Carnicería Importadora Inmobiliaria Agencia Estética Óptica Veterinaria Imprenta Librería Floristería Cafetería Autolavado Gimnasio Colegio Clínica Droguería Inversiones Textiles Agroinsumos Soluciones',
);
const NICKNAMES =
  'El Tornillo|La Esperanza|San José|Del Valle|El Buen Precio|La Central|Los Pinos|Del Norte|Del Bajío|Andina|Del Pacífico|El Roble|La Estrella|San Rafael|La Espiga|El Pistón|La Guadalupana|Del Golfo|Mundo Maya|Playa Azul|Los Arcos|Santa Fe|Del Sur|La Montaña|El Progreso|La Victoria|Integral|Moderna|Universal|Continental|Del Caribe|La Sierra|Del Llano|El Dorado|Vida Sana|Nueva Era'.split(
    '|',
  );
const LEGAL = {
  MX: ['S.A. de C.V.', 'S.A. de C.V.', 'S.A. de C.V.', 'S. de R.L. de C.V.', 'S.C.'],
  CO: ['S.A.S.', 'S.A.S.', 'S.A.S.', 'Ltda.', 'S.A.'],
};
const ROLES = ['facturacion', 'contabilidad', 'compras', 'soporte'];
const SUBJECTS = TICKET_SCRIPTS.es;
const PRIORITIES = ['low', 'medium', 'medium', 'medium', 'high', 'urgent'];
const TICKET_STATUSES = ['open', 'answered', 'customer_reply', 'on_hold', 'closed', 'closed', 'closed'];
const PERMISSIONS = 'profile,contacts,products,manage_products,invoices,tickets,emails,users';
const HOMOCLAVE = '123456789ABCDEFGHIJKLMNPQRSTUVWXYZ';
const slugs = new Map();
const slugOf = (text) => slugs.get(text) ?? slugs.set(text, slug(text)).get(text);

const random = seededRandom(2026);
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (min, max) => min + Math.floor(random() * (max - min + 1));
const digits = (n) => String(int(10 ** (n - 1), 10 ** n - 1));
const NOW = Date.now();
const DAY = 86_400_000;
const daysAgo = (min, max) => new Date(NOW - int(min * DAY, max * DAY));

const keys = new Set();
function uniqueKey(make) {
  let key = make();
  while (keys.has(key)) key = make();
  keys.add(key);
  return key;
}

/** One client and everything that hangs off it, as SQL value tuples per table. */
function generate(id, out) {
  const country = random() < 0.3 ? 'CO' : 'MX';
  const firstName = pick(FIRST[country]);
  const lastName = `${pick(SURNAMES)} ${pick(SURNAMES)}`;
  const trade = `${pick(TRADES)} ${random() < 0.5 ? pick(SURNAMES) : pick(NICKNAMES)}`;
  const isPerson = country === 'MX' && random() < 0.2;
  const companyName = isPerson ? trade : `${trade} ${pick(LEGAL[country])}`;
  const domain = `${slugOf(trade)}${id.toString(36)}.example`;
  const email = `${slugOf(firstName)}.${slugOf(lastName.split(' ')[0])}@${domain}`;
  const homoclave = () => HOMOCLAVE[int(0, 33)] + HOMOCLAVE[int(0, 33)];
  const clientKey = uniqueKey(() =>
    country === 'CO'
      ? `${pick(['800', '830', '860', '890', '900', '901'])}${digits(6)}`
      : isPerson
        ? personRfc(firstName, lastName, daysAgo(9_000, 25_000), homoclave())
        : companyRfc(trade, daysAgo(900, 14_000), homoclave()),
  );
  const phone =
    country === 'CO'
      ? `+57 3${int(0, 2)}${int(0, 9)} ${digits(3)} ${digits(4)}`
      : `+52 ${pick(['55', '33', '81'])} ${digits(4)} ${digits(4)}`;
  const created = daysAgo(30, 3_000);
  const status = random() < 0.88 ? 'active' : random() < 0.5 ? 'inactive' : 'closed';
  out.clients.push(
    `(${id},${sql(clientKey)},${sql(companyName)},${sql(firstName)},${sql(lastName)},${sql(email)},'${phone}','${country}','${random() < 0.9 ? 'es' : 'en'}','${status}',${sqlDate(created)},${sqlDate(created)})`,
  );

  const role = random() < 0.6 ? pick(ROLES) : null;
  const colleague = { firstName: pick(FIRST[country]), lastName: `${pick(SURNAMES)} ${pick(SURNAMES)}` };
  colleague.email = `${role ?? `${slugOf(colleague.firstName)}.${slugOf(colleague.lastName.split(' ')[0])}`}@${domain}`;
  // A namesake of the owner at the same company: the second address gets a digit, as mail admins do.
  if (colleague.email === email) colleague.email = colleague.email.replace('@', '2@');
  const people = [
    { firstName, lastName, email, username: 'admin' },
    { ...colleague, username: role ?? slugOf(colleague.firstName) },
  ];
  people.forEach((person, i) => {
    const userId = id * 2 - 1 + i;
    const login = random() < 0.3 ? 'NULL' : sqlDate(daysAgo(0, 60));
    const ip = login === 'NULL' ? 'NULL' : `'203.0.113.${int(1, 254)}'`;
    out.users.push(
      `(${userId},${sql(person.email)},${sql(person.firstName)},${sql(person.lastName)},'active',${login},${ip},${sqlDate(created)},${sqlDate(created)})`,
    );
    out.client_users.push(
      `(${id},${userId},${sql(person.username)},${i === 0 ? 1 : 0},'${i === 0 ? PERMISSIONS : 'profile,invoices,emails'}',${sqlDate(created)})`,
    );
  });
  if (random() < 0.3) {
    const contact = { firstName: pick(FIRST[country]), lastName: `${pick(SURNAMES)} ${pick(SURNAMES)}` };
    contact.email = `${slugOf(contact.firstName)}.${slugOf(contact.lastName.split(' ')[0])}.contacto@${domain}`;
    people.push(contact);
    out.contacts.push(
      `(${id},${sql(contact.firstName)},${sql(contact.lastName)},${sql(contact.email)},${random() < 0.5 ? 1 : 0},${sqlDate(created)},${sqlDate(created)})`,
    );
  }
  for (let t = 0; t < 3; t += 1) {
    const script = pick(SUBJECTS);
    const opened = daysAgo(0, 400);
    const replied = new Date(Math.min(NOW, opened.getTime() + int(0, 5 * DAY)));
    out.tickets.push(
      `(${id},${id * 2 - 1},${sql(script.subject)},'${script.department}','${pick(PRIORITIES)}','${pick(TICKET_STATUSES)}',${sqlDate(replied)},${sqlDate(opened)},${sqlDate(replied)})`,
    );
  }
  const client = { clientKey, companyName, firstName, lastName, email, phone, people };
  const sortName = sql(companyName);
  for (const term of termsOf(client)) out.client_search_terms.push(`(${sql(term)},${id},${sortName})`);
  if (country === 'MX' && !isValidRfc(clientKey))
    exit(`Generated an invalid RFC (${clientKey}): did the RFC rules change?`);
}

const TABLES = {
  clients:
    '(id,client_key,company_name,first_name,last_name,email,phone,country,language,status,created_at,updated_at)',
  users: '(id,email,first_name,last_name,status,last_login_at,last_login_ip,created_at,updated_at)',
  client_users: '(client_id,user_id,username,owner,permissions,created_at)',
  contacts: '(client_id,first_name,last_name,email,receives_security_emails,created_at,updated_at)',
  tickets: '(client_id,user_id,subject,department,priority,status,last_reply_at,created_at,updated_at)',
  client_search_terms: '(term,client_id,company_name)',
};
/** Two connections: the server gets both cores while this process generates the next rows. */
const LANE_OF = { clients: 0, users: 0, client_users: 0, contacts: 0, tickets: 1, client_search_terms: 1 };

/**
 * Refuses before touching anything when the database already has clients, unless --reset, or
 * unless only --activity was asked for: then it adds the trail to those clients if it is empty.
 * Answers whether to load clients.
 */
async function prepareDatabase() {
  const admin = await mysql.createConnection(server);
  const [found] = await admin.query(
    "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'clients'",
    [DB],
  );
  const [[clients]] =
    found.length && !args.reset
      ? await admin.query(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM \`${DB}\`.clients LIMIT 1) AS one`)
      : [[{ n: 0 }]];
  const trailOnly = clients.n > 0 && ACTIVITY > 0 && args.clients === undefined;
  if (clients.n > 0 && !trailOnly) {
    exit(
      `${DB} already has clients. Run again with --reset to drop and recreate it (everything in it is lost), or with only --activity N to add a trail to them.`,
    );
  }
  if (args.reset) await admin.query(`DROP DATABASE IF EXISTS \`${DB}\``);
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const migrate = spawnSync(process.execPath, [`${ROOT}/${DIST.cli}`, 'migrate'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) exit(`Migrations failed:\n${migrate.stdout}${migrate.stderr}`);
  if (trailOnly) {
    // The trail is append-only and chained from its first entry: a seeded history can only go in first.
    const [[{ entries }]] = await admin.query(
      `SELECT COUNT(*) AS entries FROM (SELECT 1 FROM \`${DB}\`.audit_log LIMIT 1) AS one`,
    );
    if (entries > 0)
      exit(
        `${DB} already has an activity trail (the bench's sign-ins count). Seed anew: --reset --clients N --activity N.`,
      );
  }
  await admin.end();
  return { loadClients: !trailOnly };
}

async function load(lanes) {
  const tables = Object.keys(TABLES);
  const out = Object.fromEntries(tables.map((table) => [table, []]));
  const counts = Object.fromEntries(tables.map((table) => [table, 0]));
  const progress = new Progress('Loading', TOTAL, 'clients');
  for (let id = 1; id <= TOTAL; id += 1) {
    generate(id, out);
    for (const table of tables) {
      const rows = out[table];
      if (rows.length < ROWS_PER_INSERT && id < TOTAL) continue;
      if (rows.length)
        await lanes[LANE_OF[table]].send(`INSERT INTO \`${table}\` ${TABLES[table]} VALUES ${rows.join(',')}`);
      counts[table] += rows.length;
      progress.rows += rows.length;
      rows.length = 0;
    }
    if (id % 1_000 === 0) progress.draw(id);
  }
  await Promise.all(lanes.map((lane) => lane.drain()));
  progress.done(TOTAL);
  return counts;
}

async function main() {
  const started = Date.now();
  const { loadClients } = await prepareDatabase();
  const lanes = [new Lane(await connect(server, DB)), new Lane(await connect(server, DB))];
  const admin = await connect(server, DB);
  const keys = await detachKeys(admin, [
    ...(loadClients ? Object.keys(TABLES) : []),
    ...(ACTIVITY ? ['audit_log'] : []),
  ]);
  // From here an interruption leaves the tables without their keys: a rerun with --reset starts clean.
  process.on('SIGINT', () => exit(`\nInterrupted: ${DB} is incomplete; run again with --reset.`, 130));
  const begin = () => Promise.all(lanes.map((lane) => lane.connection.query('START TRANSACTION')));
  const counts = {};
  const phases = [];
  const phase = async (name, work) => {
    const from = Date.now();
    await work();
    phases.push(`${name} ${clock((Date.now() - from) / 1000)}`);
  };
  if (loadClients) {
    await phase('clients', async () => {
      await begin();
      Object.assign(counts, await load(lanes));
    });
  }
  let trail = null;
  if (ACTIVITY) {
    await phase('activity', async () => {
      await lanes[0].connection.query('START TRANSACTION');
      trail = await loadActivity(lanes[0], admin, ACTIVITY, ROOT);
      counts.audit_log = trail.entries;
    });
  }
  await phase('indexing', () => attachKeys(lanes, keys, counts));
  await Promise.all([...lanes.map((lane) => lane.connection.end()), admin.end()]);
  const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const what = [
    loadClients && `${TOTAL.toLocaleString('en')} clients`,
    trail &&
      `${trail.entries.toLocaleString('en')} audit entries ` +
        `(${trail.agents} agents, ${trail.periods} period reviews, ${trail.marks} entries reviewed one by one)`,
  ]
    .filter(Boolean)
    .join(', ');
  console.log(
    `${DB}: ${what}, ${rows.toLocaleString('en')} rows in ${clock((Date.now() - started) / 1000)} (${phases.join(', ')}).`,
  );
}

main().catch((error) => exit(`seed:large failed: ${error.message}\n${DB} may be incomplete; run again with --reset.`));
