import { FuzzCase } from './bad-input-generator';
import { PROPERTY_VALUES } from './bad-values';
import { Prng } from './prng';

/** What a browser holds: the sign-in form's nonce cookie and token, a signed-in customer's cookie and CSRF token. */
export interface AccountBrowser {
  formCookie: string;
  formToken: string;
  customerCookie: string;
  customerCsrf: string;
  accounts: Array<{ clientKey: string; username: string; email: string; password: string }>;
}

/** The server-rendered customer forms (apps/api/src/modules/account/*.controller.ts) and their fields. */
const FORMS: Array<{ path: (prng: Prng) => string; fields: string[] }> = [
  { path: () => '/account/login', fields: ['method', 'email', 'password', 'formToken'] },
  { path: () => '/account/login?with=key', fields: ['method', 'clientKey', 'username', 'password', 'formToken'] },
  {
    path: () => '/account/rescue',
    fields: ['clientKey', 'username', 'code', 'password', 'confirmation', 'step', 'formToken'],
  },
  { path: () => '/account/rescue/request', fields: ['clientKey', 'username', 'formToken'] },
  { path: () => '/account/password/change', fields: ['csrfToken', 'currentPassword', 'password', 'confirmation'] },
  { path: (prng) => `/account/password/reset/${prng.hex(32)}`, fields: ['password', 'confirmation', 'formToken'] },
  { path: (prng) => `/account/password/reveal/${prng.hex(32)}`, fields: ['formToken'] },
];

/** Ways to garble a url-encoded form; each returns the body text and maybe a header. */
const GARBLES: Array<
  [string, (fields: Array<[string, string]>, prng: Prng) => { body: string; headers?: Record<string, string> }]
> = [
  ['missing fields', (f, prng) => ({ body: encode(f.filter(() => prng.chance(0.5))) })],
  ['duplicated field', (f, prng) => ({ body: encode([...f, [prng.pick(f)[0], 'second']]) })],
  ['overlong field (5,000)', (f, prng) => ({ body: encode(replace(f, prng, 'x'.repeat(5000))) })],
  ['overlong body (20 KB)', (f, prng) => ({ body: encode(replace(f, prng, 'x'.repeat(20_000))) })],
  [
    'more than 10 fields',
    (f) => ({ body: encode([...f, ...Array.from({ length: 11 }, (_, i): [string, string] => [`extra${i}`, 'x'])]) }),
  ],
  [
    'charset=foo',
    (f) => ({ body: encode(f), headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=foo' } }),
  ],
  ['Content-Encoding: x-unknown', (f) => ({ body: encode(f), headers: { 'Content-Encoding': 'x-unknown' } })],
  [
    'invalid percent-encoding',
    (f, prng) => ({
      body: `${encode(f)}&${prng.pick(f)[0]}=${prng.pick(['%zz', '%E0%A4%A', '%', '%ED%A0%80', '%00', '%C0%AF', '%FF%FE'])}`,
    }),
  ],
  [
    'bracket keys',
    (f, prng) => ({ body: encode(f.map(([k, v]): [string, string] => [prng.chance(0.5) ? `${k}[]` : `${k}[a]`, v])) }),
  ],
  ['keys without values', (f) => ({ body: f.map(([k]) => k).join('&') })],
  ['reserved keys', (f) => ({ body: `${encode(f)}&__proto__=x&constructor=y&prototype=z&__proto__[admin]=1` })],
  [
    'bad values',
    (f, prng) => ({
      body: encode(
        f.map(([k, v]): [string, string] => [k, prng.chance(0.5) ? String(prng.pick(PROPERTY_VALUES.injection)) : v]),
      ),
    }),
  ],
  [
    'JSON body',
    (f) => ({ body: JSON.stringify(Object.fromEntries(f)), headers: { 'Content-Type': 'application/json' } }),
  ],
  ['text/plain', (f) => ({ body: encode(f), headers: { 'Content-Type': 'text/plain' } })],
  ['empty body', () => ({ body: '' })],
];

function encode(fields: Array<[string, string]>): string {
  return fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

function replace(fields: Array<[string, string]>, prng: Prng, value: string): Array<[string, string]> {
  const name = prng.pick(fields)[0];
  return fields.map(([k, v]) => [k, k === name ? value : v]);
}

/** A plausible value for a form field: the right tokens and real accounts often, so the handlers run. */
function fieldValue(name: string, url: string, browser: AccountBrowser, prng: Prng): string {
  const account = prng.pick(browser.accounts);
  const values: Record<string, () => string> = {
    method: () => (prng.chance(0.8) ? (url.includes('with=key') ? 'key' : 'email') : prng.pick(['other', ''])),
    email: () => (prng.chance(0.5) ? account.email : `nobody-${prng.hex(4)}@example.test`),
    clientKey: () => account.clientKey,
    username: () => account.username,
    password: () => prng.pick([account.password, 'short', `Fz-${prng.hex(10)}-${prng.hex(10)}`]),
    currentPassword: () => (prng.chance(0.4) ? account.password : 'wrong-password'),
    confirmation: () => prng.pick(['short', `Fz-${prng.hex(10)}`]),
    code: () => `${prng.hex(5)}-${prng.hex(5)}`.toUpperCase(),
    step: () => prng.pick(['password', 'code', '']),
    formToken: () => (prng.chance(0.85) ? browser.formToken : prng.pick(['', 'forged', 'A'.repeat(43)])),
    csrfToken: () => (prng.chance(0.85) ? browser.customerCsrf : 'forged'),
  };
  return values[name]();
}

/** A garbled url-encoded post to one of the customer forms, with the browser's cookies. */
export function garbledAccountPost(prng: Prng, browser: AccountBrowser): FuzzCase {
  const form = prng.pick(FORMS);
  const url = form.path(prng);
  const fields = form.fields.map((name): [string, string] => [name, fieldValue(name, url, browser, prng)]);
  const [shape, garble] = prng.pick(GARBLES);
  const { body, headers } = garble(fields, prng);
  const cookie = url.startsWith('/account/password/change')
    ? `${browser.formCookie}; ${browser.customerCookie}`
    : browser.formCookie;
  return {
    operation: `POST ${url.replace(/[0-9a-f]{32}$/, '<token>')}`,
    method: 'POST',
    url,
    body,
    shape,
    signedIn: false,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, ...headers },
  };
}
