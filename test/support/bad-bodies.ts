import { Shaped } from './bad-values';

/** Nesting far past any parser's or walker's comfort: the recursion depth that overflowed the stack. */
const DEPTH = 5000;

/** Whole request bodies, as raw text sent with Content-Type: application/json. */
export const WHOLE_BODIES: Shaped<string>[] = [
  { shape: `body: arrays nested ${DEPTH} deep`, value: '['.repeat(DEPTH) + ']'.repeat(DEPTH) },
  { shape: `body: objects nested ${DEPTH} deep`, value: '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH) },
  { shape: 'body: objects nested 40 deep', value: '{"a":'.repeat(40) + '1' + '}'.repeat(40) },
  { shape: `body: property nested ${DEPTH} deep`, value: `{"name":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}` },
  { shape: 'body: invalid JSON', value: '{' },
  { shape: 'body: invalid JSON', value: '{"a":}' },
  { shape: 'body: invalid JSON', value: "{'a':1}" },
  { shape: 'body: invalid JSON', value: '{"a":1,}' },
  { shape: 'body: invalid JSON', value: '{"a":"\\x"}' },
  { shape: 'body: invalid JSON', value: '{"a":"\\ud800' },
  { shape: 'body: invalid JSON', value: 'nul' },
  { shape: 'body: invalid JSON', value: '\u0000' },
  { shape: 'body: byte order mark', value: '\ufeff{}' },
  { shape: 'body: array', value: '[]' },
  { shape: 'body: array', value: '[{}]' },
  { shape: 'body: array', value: '[1,2,3]' },
  { shape: 'body: string', value: '"text"' },
  { shape: 'body: number', value: '42' },
  { shape: 'body: null', value: 'null' },
  { shape: 'body: boolean', value: 'true' },
  { shape: 'body: empty', value: '' },
  { shape: 'body: empty object', value: '{}' },
  { shape: 'body: duplicate keys', value: '{"name":"a","name":{"x":1},"email":"a@b.example","email":["x"]}' },
  { shape: 'body: lone surrogate key', value: '{"\\ud800":1}' },
  { shape: 'body: __proto__ key', value: '{"__proto__":{"isAdmin":true,"permissions":["staff.manage"]}}' },
  { shape: 'body: constructor.prototype', value: '{"constructor":{"prototype":{"isAdmin":true}}}' },
  { shape: 'body: over 100 KB', value: JSON.stringify({ body: 'x'.repeat(110 * 1024) }) },
];

/** A change to the headers of an otherwise ordinary request; `body` replaces the body when set. */
export interface HeaderShape {
  shape: string;
  headers: Record<string, string>;
  body?: string;
}

export const HEADER_SHAPES: HeaderShape[] = [
  {
    shape: 'header Content-Type: application/json; charset=latin1',
    headers: { 'Content-Type': 'application/json; charset=latin1' },
  },
  {
    shape: 'header Content-Type: application/json; charset=utf-16',
    headers: { 'Content-Type': 'application/json; charset=utf-16' },
  },
  {
    shape: 'header Content-Type: application/json; charset=foo',
    headers: { 'Content-Type': 'application/json; charset=foo' },
  },
  { shape: 'header Content-Encoding: x-unknown', headers: { 'Content-Encoding': 'x-unknown' } },
  { shape: 'header Content-Encoding: gzip (not gzip)', headers: { 'Content-Encoding': 'gzip' } },
  { shape: 'header Content-Encoding: deflate (not deflate)', headers: { 'Content-Encoding': 'deflate' } },
  { shape: 'header Content-Type: text/plain', headers: { 'Content-Type': 'text/plain' } },
  {
    shape: 'header Content-Type: form',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'name=a&email=b',
  },
  {
    shape: 'header Content-Type: multipart',
    headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
    body: '--x--',
  },
  { shape: 'header Content-Type: application/vnd.api+json', headers: { 'Content-Type': 'application/vnd.api+json' } },
  { shape: 'header Accept-Language: garbage', headers: { 'Accept-Language': 'zz-ZZ;q=abc,*;q=2,en;q=-1' } },
  { shape: 'header X-Forwarded-For: not an IP', headers: { 'X-Forwarded-For': 'not-an-ip' } },
  { shape: 'header X-Forwarded-For: 100 characters', headers: { 'X-Forwarded-For': 'a'.repeat(100) } },
  { shape: 'header X-Forwarded-For: several', headers: { 'X-Forwarded-For': '203.0.113.9, 198.51.100.1, unknown' } },
  { shape: 'header X-Forwarded-For: IPv6 with port', headers: { 'X-Forwarded-For': '[2001:db8::1]:443' } },
  { shape: 'header User-Agent: 2 KB', headers: { 'User-Agent': 'Mozilla/5.0 '.repeat(180) } },
];
