import { randomBytes } from 'node:crypto';

import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { type ActivityAction, generatePassword } from '@keydesk/domain';

import { translate } from '../../apps/api/src/common/i18n/translate';
import { AuditEntryEntity } from '../../apps/api/src/modules/audit/audit-entry.entity';
import { PasswordHasher } from '../../apps/api/src/modules/auth/password-hasher';
import { MailOutboxEntity } from '../../apps/api/src/modules/emails/mail-outbox.entity';
import { MailWorker } from '../../apps/api/src/modules/emails/mail-worker';
import { UserSessionHousekeepingService } from '../../apps/api/src/modules/user-sessions/user-session-housekeeping.service';
import { UserSessionEntity } from '../../apps/api/src/modules/user-sessions/user-session.entity';
import { UserEntity } from '../../apps/api/src/modules/users/user.entity';
import { createClient } from '../factories/client.factory';
import { createStaff, CreatedStaff } from '../factories/staff.factory';
import { addClientUser } from '../factories/user.factory';
import { signIn } from '../support/sign-in';
import { SmtpSink } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

/** As Handlebars escapes text into a page. */
const escaped = (text: string) =>
  text.replace(/[&<>"'`=]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
const tokenIn = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)![1];
const sessionCookieOf = (response: request.Response) =>
  ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('keydesk.account='));

let ipSequence = 0;
/** A fresh documentation address per call, so throttle counters by name and IP start empty. */
const newIp = () => `198.51.100.${(ipSequence += 1) % 250}`;

interface Customer {
  client: { id: number; clientKey: string };
  user: { id: number; email: string; username: string };
  password: string;
}

describe.each(TEST_DATABASES)('client area on %s', (kind) => {
  let sink: SmtpSink;
  let t: TestApp;
  let staff: CreatedStaff;
  let agent: request.Agent;
  let csrf: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp(kind, { SMTP_URL: sink.url, MAIL_WORKER_INTERVAL_MS: '0' });
    staff = await createStaff(t, 'Agent', { displayName: 'Paola Soporte' });
  });
  beforeEach(async () => {
    agent = t.http();
    csrf = await signIn(agent, staff.username, staff.password);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const userRow = (id: number) => t.dataSource.getRepository(UserEntity).findOneByOrFail({ id });
  const sessionsOf = (userId: number) => t.dataSource.getRepository(UserSessionEntity).countBy({ userId });
  const audit = (action: ActivityAction, userId: number) =>
    t.dataSource
      .getRepository(AuditEntryEntity)
      .find({ where: { action, subjectId: String(userId) }, order: { seq: 'ASC' } });

  /** A client with one user whose password is set as the app would store it. */
  async function customer(options: { language?: 'es' | 'en'; temporaryMinutes?: number } = {}): Promise<Customer> {
    const client = await createClient(agent, csrf, { language: options.language ?? 'es' });
    const user = await addClientUser(agent, csrf, client.id, { firstName: 'Rosa', lastName: 'Méndez' });
    const password = generatePassword(randomBytes);
    await setPassword(user.id, password, options.temporaryMinutes);
    return { client, user: { id: user.id, email: user.email, username: user.username }, password };
  }

  async function setPassword(userId: number, password: string, temporaryMinutes?: number): Promise<void> {
    const temporary = temporaryMinutes !== undefined;
    await t.dataSource.getRepository(UserEntity).update(
      { id: userId },
      {
        passwordHash: await t.app.get(PasswordHasher).hash(password),
        mustChangePassword: temporary,
        passwordExpiresAt: temporary ? new Date(t.clock.nowMs() + temporaryMinutes * 60_000) : null,
      },
    );
  }

  /** Opens the sign-in page (which sets the form's nonce cookie) and posts it. */
  async function login(browser: request.Agent, fields: Record<string, string>, ip = newIp(), query = '') {
    const page = await browser
      .get(`/account/login${query}`)
      .set('X-Forwarded-For', ip)
      .set('Accept-Language', 'es-MX')
      .expect(200);
    return browser
      .post(`/account/login${query}`)
      .set('X-Forwarded-For', ip)
      .set('Accept-Language', 'es-MX')
      .type('form')
      .send({ formToken: tokenIn(page.text, 'formToken'), ...fields });
  }
  const byEmail = (browser: request.Agent, email: string, password: string, ip?: string) =>
    login(browser, { method: 'email', email, password }, ip);
  const byKey = (browser: request.Agent, clientKey: string, username: string, password: string, ip?: string) =>
    login(browser, { method: 'key', clientKey, username, password }, ip, '?with=key');

  async function signedIn(c: Customer, ip?: string): Promise<request.Agent> {
    const browser = t.http();
    const response = await byEmail(browser, c.user.email, c.password, ip);
    expect(response.status, response.text).toBe(303);
    return browser;
  }

  async function csrfOf(browser: request.Agent): Promise<string> {
    return tokenIn((await browser.get('/account/').expect(200)).text, 'csrfToken');
  }

  it("signs in by email, records the sign-in, and shows the account page in the client's language", async () => {
    const c = await customer({ language: 'en' });
    const browser = t.http();
    const page = await browser.get('/account/login').set('Accept-Language', 'es').expect(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.text).toContain('<html lang="es">');
    expect(page.text).toMatch(/<label for="email">/);
    expect(page.text).toContain('autocomplete="current-password"');
    expect((await browser.get('/account/login?lang=en').expect(200)).text).toContain('<html lang="en">');

    const signIn = await byEmail(browser, c.user.email.toUpperCase(), c.password, '203.0.113.9');
    expect(signIn.status).toBe(303);
    expect(signIn.headers.location).toBe('/account/');
    expect(sessionCookieOf(signIn)).toMatch(/HttpOnly/);
    expect(sessionCookieOf(signIn)).toMatch(/SameSite=Lax/);
    expect(sessionCookieOf(signIn)).toMatch(/Path=\/account/);

    const home = await browser.get('/account/').set('Accept-Language', 'es').expect(200);
    expect(home.headers['cache-control']).toBe('no-store');
    expect(home.text).toContain('<html lang="en">');
    expect(home.text).toContain(c.client.clientKey);
    expect(home.text).toContain(c.user.username);
    expect(home.text).toContain(escaped(c.user.email));

    const user = (await agent.get(`/api/users/${c.user.id}`).expect(200)).body as {
      lastLoginAt: string;
      lastLoginIp: string;
    };
    expect(user.lastLoginIp).toBe('203.0.113.9');
    expect(new Date(user.lastLoginAt).getTime()).toBeGreaterThan(0);
    const signIns = (await agent.get(`/api/users/${c.user.id}/sign-ins`).expect(200)).body as Array<
      Record<string, unknown>
    >;
    expect(signIns[0]).toMatchObject({ ip: '203.0.113.9', succeeded: true, clientId: c.client.id });
    expect(await audit('user.signed_in', c.user.id)).toHaveLength(1);
  });

  it('signs in by client key and user name, whatever their case and spacing', async () => {
    const c = await customer();
    const page = await t.http().get('/account/login?with=key').expect(200);
    expect(page.text).toMatch(/<label for="clientKey">/);
    expect(page.text).toMatch(/<label for="username">/);
    const response = await byKey(
      t.http(),
      ` ${c.client.clientKey.toLowerCase()} `,
      c.user.username.toUpperCase(),
      c.password,
    );
    expect(response.status, response.text).toBe(303);
    expect(response.headers.location).toBe('/account/');
  });

  it('answers wrong passwords, unknown users, keys and disabled users with one generic message', async () => {
    const c = await customer();
    const other = await customer();
    await agent.put(`/api/users/${other.user.id}`).set('X-CSRF-Token', csrf).send({ status: 'disabled' }).expect(200);
    const generic = escaped(translate('es', 'account.login.invalidEmail'));
    for (const attempt of [
      byEmail(t.http(), c.user.email, 'not the password at all'),
      byEmail(t.http(), 'nobody-here@example.test', c.password),
      byEmail(t.http(), other.user.email, other.password),
    ]) {
      const response = await attempt;
      expect(response.status, response.text).toBe(401);
      expect(response.text).toContain(generic);
      expect(response.text).toContain('aria-invalid="true" autofocus');
      expect(sessionCookieOf(response)).toBeUndefined();
    }
    const genericKey = escaped(translate('es', 'account.login.invalidKey'));
    for (const attempt of [
      byKey(t.http(), c.client.clientKey, c.user.username, 'not the password at all'),
      byKey(t.http(), 'XAXX010101000', c.user.username, c.password),
      byKey(t.http(), c.client.clientKey, 'someone-else', c.password),
      byKey(t.http(), other.client.clientKey, c.user.username, c.password),
    ]) {
      const response = await attempt;
      expect(response.status).toBe(401);
      expect(response.text).toContain(genericKey);
    }
    const signIns = (await agent.get(`/api/users/${c.user.id}/sign-ins`).expect(200)).body as Array<{
      succeeded: boolean;
    }>;
    expect(signIns.map((s) => s.succeeded)).toEqual([false, false]);
    const failures = await audit('user.sign_in_failed', c.user.id);
    expect(failures.map((f) => JSON.parse(f.details).reason)).toEqual(['wrong_password', 'wrong_password']);
  });

  it('answers 429 with Retry-After after 5 failures from one address, and locks the name after 20', async () => {
    const c = await customer();
    const home = '203.0.113.50';
    await signedIn(c, home);
    const ip = newIp();
    for (let i = 0; i < 5; i += 1)
      expect((await byEmail(t.http(), c.user.email, 'wrong password number one', ip)).status).toBe(401);
    const throttled = await byEmail(t.http(), c.user.email, c.password, ip);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(throttled.text).toContain(escaped(translate('es', 'account.login.throttled', { seconds: 60 })));

    for (let round = 0; round < 4; round += 1) {
      const from = newIp();
      for (let i = 0; i < 4; i += 1) await byEmail(t.http(), c.user.email, 'still not the password', from);
    }
    expect(await audit('user.locked_out', c.user.id)).toHaveLength(1);
    const locked = await byEmail(t.http(), c.user.email, c.password, newIp());
    expect(locked.status).toBe(429);
    expect(locked.text).toContain(escaped(translate('es', 'account.login.locked', { minutes: 15 })));
    // From where the customer signed in before, the lockout does not apply.
    expect((await byEmail(t.http(), c.user.email, c.password, home)).status).toBe(303);

    // An unknown name locks the same way, so a lockout says nothing about who exists.
    for (let round = 0; round < 5; round += 1) {
      const from = newIp();
      for (let i = 0; i < 4; i += 1) await byEmail(t.http(), 'ghost@example.test', 'a guess', from);
    }
    const ghost = await byEmail(t.http(), 'ghost@example.test', 'a guess', newIp());
    expect(ghost.status).toBe(429);
    expect(ghost.text).toContain(escaped(translate('es', 'account.login.locked', { minutes: 15 })));
  });

  it('sends a temporary password to the forced change page first, then accepts only the new password', async () => {
    const c = await customer({ temporaryMinutes: 24 * 60 });
    const browser = t.http();
    const signIn = await byEmail(browser, c.user.email, c.password);
    expect(signIn.status).toBe(303);
    expect(signIn.headers.location).toBe('/account/password/change');
    expect((await browser.get('/account/').expect(303)).headers.location).toBe('/account/password/change');

    const form = await browser.get('/account/password/change').expect(200);
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.text).not.toContain('id="currentPassword"');
    expect(form.text).toContain('/account/assets/password-meter.js');
    const token = tokenIn(form.text, 'csrfToken');
    const change = (fields: Record<string, string>) =>
      browser
        .post('/account/password/change')
        .type('form')
        .send({ csrfToken: token, ...fields });

    const weak = await change({ password: 'corta123', confirmation: 'corta123' }).expect(400);
    expect(weak.text).toContain(escaped(translate('es', 'password.too_short', { minLength: 15 })));
    expect(weak.text).toMatch(/aria-invalid="true" autofocus/);
    await change({ password: c.password, confirmation: c.password }).expect(400);
    const fresh = generatePassword(randomBytes);
    await change({ password: fresh, confirmation: `${fresh}x` }).expect(400);
    await browser
      .post('/account/password/change')
      .type('form')
      .send({ csrfToken: 'forged', password: fresh, confirmation: fresh })
      .expect(403);
    expect((await userRow(c.user.id)).mustChangePassword).toBe(true);

    const done = await change({ password: fresh, confirmation: fresh }).expect(303);
    expect(done.headers.location).toBe('/account/?changed=1');
    expect(sessionCookieOf(done)).toBeDefined();
    const home = await browser.get('/account/?changed=1').expect(200);
    expect(home.text).toContain(escaped(translate('es', 'account.home.passwordChanged')));
    const stored = await userRow(c.user.id);
    expect(stored).toMatchObject({ mustChangePassword: false, passwordExpiresAt: null });
    expect(await t.app.get(PasswordHasher).verify(stored.passwordHash!, fresh)).toBe(true);

    expect((await byEmail(t.http(), c.user.email, c.password)).status).toBe(401);
    const again = await byEmail(t.http(), c.user.email, fresh);
    expect(again.headers.location).toBe('/account/');

    const mails = await t.dataSource
      .getRepository(MailOutboxEntity)
      .findBy({ userId: c.user.id, template: 'account-change' });
    expect(mails.map((mail) => mail.recipient)).toContain(c.user.email);
    const [changed] = await audit('user.password_changed', c.user.id);
    expect(JSON.parse(changed.details)).toMatchObject({ forced: true, way: 'customer', notified: [c.user.email] });
    expect(changed.details).not.toContain(fresh);
  });

  it('refuses an expired temporary password, saying so only to whoever typed it right', async () => {
    const c = await customer({ temporaryMinutes: 60 });
    t.clock.advanceMinutes(61);
    const expired = await byEmail(t.http(), c.user.email, c.password);
    expect(expired.status).toBe(401);
    expect(expired.text).toContain(escaped(translate('es', 'account.login.temporaryExpired')));
    const wrong = await byEmail(t.http(), c.user.email, 'a wrong guess entirely');
    expect(wrong.text).toContain(escaped(translate('es', 'account.login.invalidEmail')));
    expect(wrong.text).not.toContain(escaped(translate('es', 'account.login.temporaryExpired')));
    expect(await sessionsOf(c.user.id)).toBe(0);
  });

  it('refuses forms without their CSRF token', async () => {
    const c = await customer();
    const browser = t.http();
    await browser.get('/account/login').expect(200);
    const forged = await browser
      .post('/account/login')
      .set('Accept-Language', 'es')
      .type('form')
      .send({ method: 'email', email: c.user.email, password: c.password, formToken: 'forged' });
    expect(forged.status).toBe(403);
    expect(forged.text).toContain(escaped(translate('es', 'account.login.formExpired')));
    // A token from another browser (another nonce cookie) does not work either.
    const elsewhere = tokenIn((await t.http().get('/account/login').expect(200)).text, 'formToken');
    await browser
      .post('/account/login')
      .type('form')
      .send({ method: 'email', email: c.user.email, password: c.password, formToken: elsewhere })
      .expect(403);
    expect(await sessionsOf(c.user.id)).toBe(0);

    const signedInBrowser = await signedIn(c);
    await signedInBrowser.post('/account/logout').type('form').send({}).expect(403);
    await signedInBrowser
      .post('/account/password/change')
      .type('form')
      .send({ currentPassword: c.password })
      .expect(403);
    await signedInBrowser.get('/account/').expect(200);
  });

  it('signs out: the session ends in the database, not just the cookie', async () => {
    const c = await customer();
    const browser = await signedIn(c);
    const out = await browser
      .post('/account/logout')
      .type('form')
      .send({ csrfToken: await csrfOf(browser) })
      .expect(303);
    expect(out.headers.location).toBe('/account/login?signedOut=1');
    expect((await browser.get('/account/login?signedOut=1').expect(200)).text).toContain(
      escaped(translate('en', 'account.login.signedOut')),
    );
    expect((await browser.get('/account/').expect(303)).headers.location).toBe('/account/login');
    expect(await sessionsOf(c.user.id)).toBe(0);
    expect(await audit('user.signed_out', c.user.id)).toHaveLength(1);
  });

  it('ends a session after 30 idle minutes, and after 12 hours whatever happens', async () => {
    const c = await customer();
    const idle = await signedIn(c);
    t.clock.advanceMinutes(29);
    await idle.get('/account/').expect(200);
    t.clock.advanceMinutes(31);
    expect((await idle.get('/account/').expect(303)).headers.location).toBe('/account/login?ended=1');
    expect((await idle.get('/account/login?ended=1').expect(200)).text).toContain(
      escaped(translate('en', 'account.login.sessionEnded')),
    );

    const busy = await signedIn(c);
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      t.clock.advanceMinutes(20);
      await busy.get('/account/').expect(200);
    }
    t.clock.advanceMinutes(20);
    expect((await busy.get('/account/').expect(303)).headers.location).toBe('/account/login?ended=1');
    expect(await sessionsOf(c.user.id)).toBe(0);

    // Sessions nobody comes back to are deleted by housekeeping.
    await signedIn(c);
    t.clock.advanceMinutes(31);
    await t.app.get(UserSessionHousekeepingService).run();
    expect(await sessionsOf(c.user.id)).toBe(0);
  });

  it('a voluntary change asks for the current password, ends the other sessions and rotates this one', async () => {
    const c = await customer();
    const laptop = t.http();
    const oldCookie = sessionCookieOf(await byEmail(laptop, c.user.email, c.password))!.split(';')[0];
    const phone = await signedIn(c);
    const form = await laptop.get('/account/password/change').expect(200);
    expect(form.text).toContain('autocomplete="current-password"');
    const token = tokenIn(form.text, 'csrfToken');
    const fresh = generatePassword(randomBytes);
    const wrong = await laptop
      .post('/account/password/change')
      .type('form')
      .send({ csrfToken: token, currentPassword: 'not my password at all', password: fresh, confirmation: fresh })
      .expect(400);
    expect(wrong.text).toContain(escaped(translate('es', 'account.change.currentWrong')));

    const done = await laptop
      .post('/account/password/change')
      .type('form')
      .send({ csrfToken: token, currentPassword: c.password, password: fresh, confirmation: fresh })
      .expect(303);
    expect(sessionCookieOf(done)).toBeDefined();
    await laptop.get('/account/').expect(200);
    expect((await phone.get('/account/').expect(303)).headers.location).toBe('/account/login');
    await request(t.app.getHttpServer()).get('/account/').set('Cookie', oldCookie).expect(303);
    expect(await sessionsOf(c.user.id)).toBe(1);
    expect(JSON.parse((await audit('user.password_changed', c.user.id))[0].details)).toMatchObject({ forced: false });
  });

  it('using a reset link ends every session of the user', async () => {
    const c = await customer();
    const browser = await signedIn(c);
    await agent.post(`/api/users/${c.user.id}/password-reset-email`).set('X-CSRF-Token', csrf).send({}).expect(202);
    while ((await t.app.get(MailWorker).runOnce()) > 0);
    const link = /\/account\/password\/reset\/([A-Za-z0-9_-]{43})/.exec(sink.to(c.user.email).at(-1)!.text)![0];
    const form = await t.http().get(link).expect(200);
    const fresh = generatePassword(randomBytes);
    await t
      .http()
      .post(link)
      .type('form')
      .send({ password: fresh, confirmation: fresh, formToken: tokenIn(form.text, 'formToken') })
      .expect(200);
    expect(await sessionsOf(c.user.id)).toBe(0);
    expect((await browser.get('/account/').expect(303)).headers.location).toBe('/account/login');
  });
});
