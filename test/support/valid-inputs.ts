import { rfcCheckDigit } from '@keydesk/domain';

import { IdPools } from './fuzz-seed-data';
import { Operation, Schema } from './openapi-operations';
import { Prng } from './prng';

type PathValues = Record<string, string | number>;

/**
 * Which seeded rows a documented path can name. Only one bad part per request: the rest must be
 * right (a contact of that client, a note of that client), or every request stops at a 404.
 */
const PATH_POOLS: Array<[RegExp, (pools: IdPools, readOnly: boolean) => PathValues[]]> = [
  [
    /^\/api\/roles\/\{id\}$/,
    (p, readOnly) => (readOnly ? [...p.roles, ...p.builtInRoles] : p.roles).map((id) => ({ id })),
  ],
  [/^\/api\/staff\/\{id\}/, (p, readOnly) => (readOnly ? [...p.staff, p.adminId] : p.staff).map((id) => ({ id }))],
  [
    /^\/api\/clients\/\{id\}\/contacts\/\{contactId\}$/,
    (p) => p.contacts.map(([id, contactId]) => ({ id, contactId })),
  ],
  [/^\/api\/clients\/\{id\}\/users\/\{userId\}$/, (p) => p.clientUsers.map(([id, userId]) => ({ id, userId }))],
  [/^\/api\/clients\/\{id\}\/notes\/\{noteId\}$/, (p) => p.notes.map(([id, noteId]) => ({ id, noteId }))],
  [/^\/api\/clients\/\{id\}/, (p) => p.clients.map((id) => ({ id }))],
  [/^\/api\/users\/\{id\}/, (p) => p.users.map((id) => ({ id }))],
  [/^\/api\/tickets\/\{id\}/, (p) => p.tickets.map((id) => ({ id }))],
  [/^\/api\/emails\/\{id\}/, (p) => p.emails.map((id) => ({ id }))],
  [/^\/api\/activity\/\{id\}$/, (p) => p.activity.map((id) => ({ id }))],
];

/** Existing ids for every path parameter of the operation (empty when it has none). */
export function validPathValues(operation: Operation, pools: IdPools, prng: Prng): PathValues {
  const entry = PATH_POOLS.find(([pattern]) => pattern.test(operation.path));
  const choices = entry ? entry[1](pools, operation.method === 'GET') : [];
  return choices.length > 0 ? prng.pick(choices) : {};
}

/** Fills the path template; values are URL text already (bad ids carry their own escapes). */
export function fillPath(path: string, values: PathValues): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? '1'));
}

/** A valid company RFC from the seeded generator, so a replay creates the same clients. */
function rfc(prng: Prng): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const initials = [0, 1, 2].map(() => prng.pick([...letters])).join('');
  const body = `${initials}9${prng.int(10)}0${1 + prng.int(9)}1${prng.int(10)}${prng.pick([...letters])}${prng.int(10)}`;
  return body + rfcCheckDigit(body);
}

/** A plausible value for one property: examples first, then names the API gives meaning to. */
export function baseValue(name: string, schema: Schema, pools: IdPools, prng: Prng): unknown {
  const account = () => prng.pick(pools.accounts);
  const byName: Record<string, () => unknown> = {
    clientId: () => prng.pick(pools.clients),
    userId: () => prng.pick(pools.users),
    ticketId: () => prng.pick(pools.tickets),
    assignedStaffId: () => prng.pick([...pools.staff, pools.adminId]),
    roleIds: () => [prng.pick([...pools.roles, ...pools.builtInRoles])],
    entryIds: () => [prng.pick(pools.activity)],
    email: () => `fuzz-${prng.hex(8)}@example.test`,
    username: () => (schema.example === 'admin' ? account().username : `fuzz-${prng.hex(8)}`),
    clientKey: () => (schema.example === 'PEL900101AB3' ? account().clientKey : rfc(prng)),
    password: () => `Fz-${prng.hex(8)}-${prng.hex(8)}-q`,
    code: () => `${prng.hex(5)}-${prng.hex(5)}`.toUpperCase(),
  };
  if (byName[name]) return byName[name]();
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return prng.pick(schema.enum);
  if (schema.type === 'array') return schema.items ? [baseValue(name, schema.items, pools, prng)] : [];
  if (schema.type === 'boolean') return prng.chance(0.5);
  if (schema.type === 'number' || schema.type === 'integer') return 1;
  return `Fuzz ${prng.hex(6)}`;
}

/** A body the handler would accept: the required properties and about half of the others. */
export function baseBody(schema: Schema, pools: IdPools, prng: Prng): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (schema.required?.includes(name) || prng.chance(0.5)) body[name] = baseValue(name, property, pools, prng);
  }
  return body;
}
