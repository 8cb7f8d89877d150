import { Prng } from './prng';

/** JSON text spliced in as is: what JSON.stringify cannot write (2**53+1 exactly, 1e400). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A generated value and the words a failure report uses for it. */
export interface Shaped<T = unknown> {
  shape: string;
  value: T;
}

const kb100 = 'a'.repeat(100 * 1024);

/** A key JSON.stringify keeps as an own property: `{ __proto__: x }` would set the prototype instead. */
export function withKey(key: string, value: unknown, into: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.defineProperty(into, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Bad values for one body property, by family; the generator picks a family, then a value. */
export const PROPERTY_VALUES: Record<string, unknown[]> = {
  'wrong type': [12345, 0, 1.5, true, false, 'not-a-number', '1', ''],
  null: [null],
  object: [{}, { constructor: 1 }, { a: 'b' }, withKey('__proto__', { admin: true }), { toString: 'x', valueOf: 1 }],
  array: [[], ['a'], [1, 2], [null], [[[]]], [{}]],
  'huge or non-finite number': [
    1e308,
    -1e308,
    -1,
    -0,
    new RawJson('9007199254740993'),
    new RawJson('1e400'),
    'NaN',
    'Infinity',
    '-Infinity',
    '1e308',
  ],
  '100 KB string': [kb100, 'é'.repeat(51 * 1024), ' '.repeat(100 * 1024)],
  'lone surrogate': ['\ud800', 'abc\udfffdef', '\udc00\ud800', 'fin\ud83d', 'x\ud800@example.test'],
  injection: [
    "' OR 1=1 --",
    "'; DROP TABLE clients; --",
    '" OR ""="',
    '\\',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '${7*7}',
    '{{7*7}}',
    '#{7*7}',
    '%00',
    'a\u0000b',
    '../../etc/passwd',
    '%s%s%n',
    '\u202egnp.exe',
    'CON',
    '😀'.repeat(3),
  ],
  'reserved key object': [
    withKey('__proto__', { polluted: 1 }),
    { constructor: { prototype: { polluted: 1 } } },
    { prototype: 1 },
  ],
};

/** Values for an email property: what the address parsers and the mailer see. */
export const EMAIL_VALUES: unknown[] = [
  'x\ud800@example.test',
  'a@b',
  '@',
  'a@',
  'a@[::1]',
  'ñandú@ejemplo.example',
  `${'a'.repeat(300)}@example.test`,
  'a b@example.test',
  '"quoted"@example.test',
  'a@example.test\r\nBcc: b@example.test',
  'A@EXAMPLE.TEST ',
  '%ED%A0%80@example.test',
];

/** Path parameter values (already URL text); valid existing ids are mixed in by the generator. */
export const PATH_IDS = [
  '0',
  '-1',
  '1e308',
  '99999999999999999999',
  'abc',
  '%00',
  '1.5',
  '%20',
  '9007199254740993',
  '%ED%A0%80',
  '%zz',
  '1%2F2',
  'NaN',
];

/**
 * Spellings of an existing id that Number() reads as that id. Derived from a seeded id, not
 * written as "0x1": that one names the administrator, and a PUT to it would end the run.
 */
export const idSpellings = (id: number | string): string[] => [
  `0x${Number(id).toString(16)}`,
  `${id}.0`,
  `${id}e0`,
  `%20${id}`,
  `+${id}`,
  `0${id}`,
];

/** react-admin list parameters, as query text; sent on every GET, documented or not. */
export const LIST_QUERIES: Shaped<string>[] = [
  ['range=[1e308,1e308]'],
  ['range=[-1,5]'],
  ['range=[5,1]'],
  ['range=[0]'],
  ['range=x'],
  ['range=[0,9007199254740993]'],
  ['range=["a","b"]'],
  ['range=[0,1e6]'],
  ['range=[0.5,3]'],
  ['range[]=1&range[]=2'],
  ['range=[0,1]&range=[2,3]'],
  ['filter=not-json'],
  ['filter=[]'],
  ['filter={"q":{"a":1}}'],
  ['filter={"q":"\\ud800"}'],
  ['filter={"q":"%ED%A0%80"}'],
  ['filter={"q":"\' OR 1=1 --"}'],
  ['filter={"q":["a","b"]}'],
  ['filter={"id":"abc"}'],
  ['filter={"id":[1e308]}'],
  [`filter={"id":[${Array.from({ length: 600 }, (_, i) => i + 1).join(',')}]}`],
  ['filter={"status":["nope"]}'],
  ['filter={"__proto__":{"x":1}}'],
  ['filter={"constructor":{"prototype":1}}'],
  [`filter=${'['.repeat(2000)}${']'.repeat(2000)}`],
  ['filter[q]=x'],
  ['filter=null'],
  ['filter="text"'],
  ['sort=["nope","ASC"]'],
  ['sort="x"'],
  ['sort=x'],
  ['sort=["id","SIDEWAYS"]'],
  ['sort=[]'],
  ['sort=[null,null]'],
  ['sort=[{"a":1},"ASC"]'],
  ['sort=["__proto__","ASC"]'],
  ['range=[0,9]'],
  ['range=[0,0]&sort=["id","DESC"]'],
].map(([text]) => ({ shape: `query ${text.slice(0, 60)}`, value: encodeQuery(text) }));

/** Values for a documented query parameter (cursor, format, from, to, tz, newOwnerId, ...). */
export const QUERY_VALUES = [
  '',
  '0',
  '-1',
  '1e308',
  '99999999999999999999',
  'abc',
  '%00',
  '%zz',
  '%',
  '%ED%A0%80',
  '[]',
  '{}',
  'null',
  'NaN',
  'Infinity',
  '2026-13-45',
  '2026-01-01T00:00:00Z',
  '0000-00-00',
  'Mars/Olympus_Mons',
  'America/Mexico_City',
  "'; DROP TABLE x; --",
  '<script>',
  '${7*7}',
  'a'.repeat(4000),
  'csv',
  'jsonl',
  'xml',
  'x&x=1',
  '\\ud800',
];

/** Percent-encodes what must be (spaces, quotes, braces) but keeps '%' escapes the test wrote on purpose. */
export function encodeQuery(text: string): string {
  return text.replace(/[^A-Za-z0-9\-._~%&=[\],:!$'()*+;@/?]/g, (c) => encodeURIComponent(c));
}

/** One value from one family, chosen at random, with its family as the shape's name. */
export function pickPropertyValue(prng: Prng, property: string): Shaped {
  if (/email/i.test(property) && prng.chance(0.3)) return { shape: 'bad email', value: prng.pick(EMAIL_VALUES) };
  const family = prng.pick(Object.keys(PROPERTY_VALUES));
  return { shape: family, value: prng.pick(PROPERTY_VALUES[family]) };
}

/** JSON text for a value, RawJson spliced in; JSON.stringify writes a lone surrogate as "\ud800". */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
