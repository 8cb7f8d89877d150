import { randomBytes } from 'node:crypto';

import type request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { generatePassword, type ActivityAction, type RescueCodeResponse } from '@keydesk/domain';

import { translate } from '../../apps/api/src/common/i18n/translate';
import { AuditEntryEntity } from '../../apps/api/src/modules/audit/audit-entry.entity';
import { PasswordHasher } from '../../apps/api/src/modules/auth/password-hasher';
import { MailWorker } from '../../apps/api/src/modules/emails/mail-worker';
import { UserEntity } from '../../apps/api/src/modules/users/user.entity';
import { createClient } from '../factories/client.factory';
import { createStaff, CreatedStaff } from '../factories/staff.factory';
import { addClientUser } from '../factories/user.factory';
import { verifyCaller } from '../support/assurance';
import { signIn } from '../support/sign-in';
import { SmtpSink } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

/** A code as mailed: two groups of five Crockford base32 symbols. */
const CODE = /\b([0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5})\b/;
const PASSWORD_LINE = /(?:temporal es|temporary password is):\s*\n(\S[^\n]*)/;
const tokenIn = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)![1];
let ipSequence = 0;
/** Each request from its own address unless a test says otherwise, so the per-IP limit stays out of the way. */
const newIp = () => `198.51.${Math.floor((ipSequence += 1) / 250) % 250}.${ipSequence % 250}`;

interface Customer {
  client: { id: number; clientKey: string; email: string };
  user: { id: number; email: string; username: string };
  security: string;
  other: string;
}

describe.each(TEST_DATABASES)('rescue codes on %s', (kind) => {
  let sink: SmtpSink;
  let t: TestApp;
  let worker: MailWorker;
  let staff: CreatedStaff;
  let agent: request.Agent;
  let csrf: string;
  /** Every code and password issued, and every answer given, to look for the first in the second at the end. */
  const secrets: string[] = [];
  const answers: string[] = [];

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp(kind, { SMTP_URL: sink.url, MAIL_WORKER_INTERVAL_MS: '0' });
    worker = t.app.get(MailWorker);
    staff = await createStaff(t, 'Administrator', { displayName: 'Paola Soporte' });
  });
  beforeEach(async () => {
    agent = t.http();
    csrf = await signIn(agent, staff.username, staff.password);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  /** A client with a security contact, a contact that gets no security mail, and a user named `admin`. */
  async function customer(options: { userEmail?: string } = {}): Promise<Customer> {
    const client = await createClient(agent, csrf, { language: 'es' });
    const tag = client.clientKey.toLowerCase();
    const security = `seguridad-${tag}@example.test`;
    const other = `compras-${tag}@example.test`;
    for (const [email, receivesSecurityEmails] of [
      [security, true],
      [other, false],
    ] as const) {
      await agent
        .post(`/api/clients/${client.id}/contacts`)
        .set('X-CSRF-Token', csrf)
        .send({ firstName: 'Marta', lastName: 'Ruiz', email, receivesSecurityEmails })
        .expect(201);
    }
    const user = await addClientUser(agent, csrf, client.id, {
      firstName: 'Rosa',
      lastName: 'Méndez',
      username: 'admin',
      ...(options.userEmail ? { email: options.userEmail } : {}),
    });
    return { client, user: { id: user.id, email: user.email, username: 'admin' }, security, other };
  }

  const ask = (clientKey: string, username: string, ip = newIp()) =>
    t
      .http()
      .post('/api/public/rescue-codes')
      .set('X-Forwarded-For', ip)
      .set('Accept-Language', 'es-MX')
      .send({ clientKey, username });
  const redeem = (body: Record<string, string>, ip = newIp()) =>
    t
      .http()
      .post('/api/public/rescue-codes/redeem')
      .set('X-Forwarded-For', ip)
      .set('Accept-Language', 'es-MX')
      .send(body);

  async function deliver(): Promise<void> {
    while ((await worker.runOnce()) > 0);
  }

  /** The newest code mailed to `email`. */
  async function codeMailedTo(email: string): Promise<string> {
    await deliver();
    const code = CODE.exec(
      sink
        .to(email)
        .filter((mail) => CODE.test(mail.text))
        .at(-1)!.text,
    )![1];
    secrets.push(code);
    return code;
  }

  async function requestCode(c: Customer): Promise<string> {
    const response = await ask(c.client.clientKey, 'admin');
    expect(response.status, response.text).toBe(202);
    return codeMailedTo(c.user.email);
  }

  const keyOf = (c: Customer) => ({ clientKey: c.client.clientKey, username: c.user.username });
  const userRow = (id: number) => t.dataSource.getRepository(UserEntity).findOneByOrFail({ id });
  const audit = (action: ActivityAction, userId: number) =>
    t.dataSource
      .getRepository(AuditEntryEntity)
      .find({ where: { action, subjectId: String(userId) }, order: { seq: 'ASC' } });
  async function codes(userId: number): Promise<RescueCodeResponse[]> {
    const response = await agent.get(`/api/users/${userId}/rescue-codes`).expect(200);
    answers.push(response.text);
    return response.body as RescueCodeResponse[];
  }

  /** Signs in through the client area's form by client key and user name; answers where it led. */
  async function signInByKey(c: Customer, password: string): Promise<string> {
    const browser = t.http();
    const ip = newIp();
    const page = await browser.get('/account/login?with=key').set('X-Forwarded-For', ip).expect(200);
    const response = await browser
      .post('/account/login?with=key')
      .set('X-Forwarded-For', ip)
      .type('form')
      .send({ formToken: tokenIn(page.text, 'formToken'), method: 'key', ...keyOf(c), password });
    return response.status === 303 ? response.headers.location : String(response.status);
  }

  async function setPassword(userId: number, password: string): Promise<void> {
    await t.dataSource
      .getRepository(UserEntity)
      .update({ id: userId }, { passwordHash: await t.app.get(PasswordHasher).hash(password) });
  }

  it('mails a code to every registered address, then a new temporary password that signs in to the forced change', async () => {
    const c = await customer();
    const old = generatePassword(randomBytes);
    await setPassword(c.user.id, old);
    const asked = await ask(` ${c.client.clientKey.toLowerCase()} `, 'ADMIN');
    answers.push(asked.text);
    expect(asked.status).toBe(202);
    expect(asked.body.message).toBe(translate('es', 'rescue.requested', { minutes: 60 }));
    const code = await codeMailedTo(c.user.email);

    const codeMails = sink.messages.filter((mail) => mail.text.includes(code));
    expect(codeMails.map((mail) => mail.to).sort()).toEqual([c.client.email, c.security, c.user.email].sort());
    expect(sink.to(c.other)).toHaveLength(0);
    expect(codeMails[0].subject).toContain('código de rescate');
    // Asking changes nothing: the old password still signs in.
    expect(await signInByKey(c, old)).toBe('/account/');

    const redeemed = await redeem({ ...keyOf(c), code: code.toLowerCase().replace('-', ' ') });
    answers.push(redeemed.text);
    expect(redeemed.status, redeemed.text).toBe(200);
    expect(redeemed.body).toEqual({
      outcome: 'password_mailed',
      message: translate('es', 'rescue.redeemed.password_mailed'),
    });
    await deliver();
    const passwordMails = sink.messages.filter((mail) => PASSWORD_LINE.test(mail.text));
    expect(passwordMails.map((mail) => mail.to).sort()).toEqual([c.client.email, c.security, c.user.email].sort());
    const password = PASSWORD_LINE.exec(passwordMails[0].text)![1].trim();
    secrets.push(password);
    expect(new Set(passwordMails.map((mail) => PASSWORD_LINE.exec(mail.text)![1].trim()))).toEqual(new Set([password]));

    expect(await signInByKey(c, old)).toBe('401');
    expect(await signInByKey(c, password)).toBe('/account/password/change');
    const user = await userRow(c.user.id);
    expect(user.mustChangePassword).toBe(true);
    expect(user.passwordExpiresAt!.getTime() - t.clock.nowMs()).toBeGreaterThan(23 * 3600_000);

    expect((await codes(c.user.id))[0]).toMatchObject({
      state: 'used',
      recipients: 3,
      outcome: 'password_mailed',
      failedAttempts: 0,
    });
    const sent = await audit('user.rescue_code_sent', c.user.id);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0].details)).toMatchObject({ recipients: 3 });
    expect(sent[0]).toMatchObject({ actorType: 'user', actorId: String(c.user.id) });
    expect(await audit('user.rescue_code_requested', c.user.id)).toHaveLength(1);
    expect(await audit('user.rescue_code_redeemed', c.user.id)).toHaveLength(1);

    // The Emails tab lists the code and password mails with both redacted.
    const emails = await agent
      .get('/api/emails')
      .query({ filter: JSON.stringify({ clientId: c.client.id }), range: '[0,49]' })
      .expect(200);
    answers.push(emails.text);
    const templates = (emails.body as Array<{ template: string }>).map((mail) => mail.template);
    expect(templates.filter((name) => name === 'rescue-code')).toHaveLength(3);
    expect(templates.filter((name) => name === 'rescue-password')).toHaveLength(3);
    for (const mail of emails.body as Array<{ id: number }>)
      answers.push((await agent.get(`/api/emails/${mail.id}`).expect(200)).text);
    expect(answers.join('\n')).toContain('[redacted]');
  });

  it("sends one mail to an address that is both registered and the user's own", async () => {
    const client = await createClient(agent, csrf);
    await addClientUser(agent, csrf, client.id, { username: 'admin', email: client.email.toUpperCase() });
    expect((await ask(client.clientKey, 'admin')).status).toBe(202);
    await deliver();
    expect(sink.to(client.email).filter((mail) => CODE.test(mail.text))).toHaveLength(1);
  });

  it('works at 59 minutes and not at 61, by the clock', async () => {
    const early = await customer();
    const late = await customer();
    const earlyCode = await requestCode(early);
    const lateCode = await requestCode(late);
    t.clock.advanceMinutes(59);
    expect((await redeem({ ...keyOf(early), code: earlyCode })).status).toBe(200);
    t.clock.advanceMinutes(2);
    const expired = await redeem({ ...keyOf(late), code: lateCode });
    expect(expired.status).toBe(400);
    expect(expired.body.code).toBe('RESCUE_CODE_INVALID');
    expect(await audit('user.rescue_code_expired', late.user.id)).toHaveLength(1);
    agent = t.http();
    csrf = await signIn(agent, staff.username, staff.password);
    expect((await codes(late.user.id))[0].state).toBe('expired');
    expect((await userRow(late.user.id)).passwordHash).toBeNull();
  });

  it('refuses a used code, a voided older code and wrong codes with one answer, and voids a code after five wrong tries', async () => {
    const c = await customer();
    const older = await requestCode(c);
    t.clock.advance(61_000);
    const newer = await requestCode(c);
    expect(newer).not.toBe(older);
    const refusals = [
      await redeem({ ...keyOf(c), code: older }),
      await redeem({ ...keyOf(c), code: 'ZZZZZ-ZZZZZ' }),
      await redeem({ ...keyOf(c), code: 'nonsense' }),
    ];
    expect((await redeem({ ...keyOf(c), code: newer })).status).toBe(200);
    refusals.push(await redeem({ ...keyOf(c), code: newer }));
    for (const refusal of refusals) {
      expect(refusal.status).toBe(400);
      expect(refusal.text).toBe(refusals[0].text);
    }
    expect(refusals[0].body).toMatchObject({
      code: 'RESCUE_CODE_INVALID',
      message: translate('es', 'errors.RESCUE_CODE_INVALID'),
    });
    expect((await codes(c.user.id)).map((row) => [row.state, row.voidReason])).toEqual([
      ['used', null],
      ['voided', 'newer'],
    ]);

    const tried = await customer();
    const code = await requestCode(tried);
    for (let i = 0; i < 5; i += 1) expect((await redeem({ ...keyOf(tried), code: 'AAAAA-AAAAA' })).status).toBe(400);
    expect((await redeem({ ...keyOf(tried), code })).status).toBe(400);
    expect((await codes(tried.user.id))[0]).toMatchObject({
      state: 'voided',
      voidReason: 'wrong_tries',
      failedAttempts: 5,
    });
    expect((await audit('user.rescue_code_failed', tried.user.id)).length).toBe(6);
  });

  it('voids a code when the password or the email changes', async () => {
    const byPassword = await customer();
    const code = await requestCode(byPassword);
    await agent
      .post(`/api/users/${byPassword.user.id}/password`)
      .set('X-CSRF-Token', csrf)
      .send({ generate: true, newTicketSubject: 'Tu acceso' })
      .expect(201);
    expect((await redeem({ ...keyOf(byPassword), code })).status).toBe(400);
    expect((await codes(byPassword.user.id))[0]).toMatchObject({ state: 'voided', voidReason: 'password_changed' });

    const byEmail = await customer();
    const other = await requestCode(byEmail);
    await verifyCaller(t, agent, csrf, byEmail.user.id);
    await agent
      .put(`/api/users/${byEmail.user.id}`)
      .set('X-CSRF-Token', csrf)
      .send({ email: `nuevo-${byEmail.user.email}` })
      .expect(200);
    expect((await redeem({ ...keyOf(byEmail), code: other })).status).toBe(400);
    expect((await codes(byEmail.user.id))[0]).toMatchObject({ state: 'voided', voidReason: 'email_changed' });
  });

  it('lets exactly one of 20 simultaneous redemptions of a code set a password', async () => {
    const c = await customer();
    const code = await requestCode(c);
    const before = sink.messages.length;
    const results = await Promise.all(Array.from({ length: 20 }, () => redeem({ ...keyOf(c), code })));
    // The losers typed a code that is used by then: 400, or 429 once ten such failures were counted.
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status !== 200).every((r) => [400, 429].includes(r.status))).toBe(true);
    await deliver();
    expect(sink.messages.slice(before).filter((mail) => PASSWORD_LINE.test(mail.text))).toHaveLength(3);
    expect(await audit('user.rescue_code_redeemed', c.user.id)).toHaveLength(1);
  });

  it('answers unknown client keys, unknown user names and disabled users exactly as a match, in as much time', async () => {
    const c = await customer();
    const disabled = await customer();
    await agent
      .put(`/api/users/${disabled.user.id}`)
      .set('X-CSRF-Token', csrf)
      .send({ status: 'disabled' })
      .expect(200);
    const before = sink.messages.length;
    const timed = async (clientKey: string, username: string) => {
      const started = performance.now();
      const response = await ask(clientKey, username);
      return { response, ms: performance.now() - started };
    };
    const attempts = [
      await timed(c.client.clientKey, 'admin'),
      await timed('XAXX010101000', 'admin'),
      await timed(c.client.clientKey, 'nadie'),
      await timed(disabled.client.clientKey, 'admin'),
    ];
    for (const { response, ms } of attempts) {
      expect(response.status).toBe(202);
      expect(response.text).toBe(attempts[0].response.text);
      expect(Object.keys(response.headers).sort()).toEqual(Object.keys(attempts[0].response.headers).sort());
      expect(ms).toBeGreaterThanOrEqual(295);
    }
    await deliver();
    expect(
      sink.messages
        .slice(before)
        .map((mail) => mail.to)
        .sort(),
    ).toEqual([c.client.email, c.security, c.user.email].sort());
    const redeemed = [
      await redeem({ clientKey: 'XAXX010101000', username: 'admin', code: 'AAAAA-AAAAA' }),
      await redeem({ ...keyOf(disabled), code: 'AAAAA-AAAAA' }),
      await redeem({ ...keyOf(c), code: 'AAAAA-AAAAA' }),
    ];
    for (const response of redeemed) expect([response.status, response.text]).toEqual([400, redeemed[0].text]);
  });

  it('limits mails per account (one a minute, five a day) and requests per IP, with 429 and Retry-After', async () => {
    const c = await customer();
    await requestCode(c);
    const again = await ask(c.client.clientKey, 'admin');
    expect(again.status).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    expect(again.body.code).toBe('TOO_MANY_REQUESTS');
    for (let i = 0; i < 4; i += 1) {
      t.clock.advance(61_000);
      expect((await ask(c.client.clientKey, 'admin')).status).toBe(202);
    }
    t.clock.advance(61_000);
    expect((await ask(c.client.clientKey, 'admin')).status).toBe(429);
    // An unknown account is limited the same way: a 429 says nothing about existence.
    expect((await ask('XAXX010101000', 'fantasma')).status).toBe(202);
    expect((await ask('XAXX010101000', 'fantasma')).status).toBe(429);

    const ip = newIp();
    for (let i = 0; i < 20; i += 1) expect((await ask('XAXX010101000', `nadie-${i}`, ip)).status).toBe(202);
    const blocked = await ask('XAXX010101000', 'nadie-21', ip);
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toContain('segundos');
  });

  it('limits failed redemptions per account and per IP to ten an hour', async () => {
    const c = await customer();
    const code = await requestCode(c);
    const wrong = 'BBBBB-BBBBB';
    // Five wrong tries void the code; the hour's failures keep counting past it.
    for (let i = 0; i < 10; i += 1) expect((await redeem({ ...keyOf(c), code: wrong })).status).toBe(400);
    const limited = await redeem({ ...keyOf(c), code });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    const ip = newIp();
    for (let i = 0; i < 10; i += 1)
      expect((await redeem({ clientKey: 'XAXX010101000', username: `x${i}`, code: wrong }, ip)).status).toBe(400);
    expect((await redeem({ clientKey: 'XAXX010101000', username: 'x99', code: wrong }, ip)).status).toBe(429);
    t.clock.advanceMinutes(61);
    expect((await redeem({ clientKey: 'XAXX010101000', username: 'x99', code: wrong }, ip)).status).toBe(400);
  });

  it('lifts a sign-in lockout and ends every session of the user', async () => {
    const c = await customer();
    const old = generatePassword(randomBytes);
    await setPassword(c.user.id, old);
    expect(await signInByKey(c, old)).toBe('/account/');
    for (let round = 0; round < 5; round += 1) {
      const ip = newIp();
      for (let i = 0; i < 4; i += 1) {
        const browser = t.http();
        const page = await browser.get('/account/login?with=key').set('X-Forwarded-For', ip);
        await browser
          .post('/account/login?with=key')
          .set('X-Forwarded-For', ip)
          .type('form')
          .send({
            formToken: tokenIn(page.text, 'formToken'),
            method: 'key',
            ...keyOf(c),
            password: 'bloqueo por intentos',
          });
      }
    }
    expect(await signInByKey(c, old)).toBe('429');
    const code = await requestCode(c);
    expect((await redeem({ ...keyOf(c), code })).status).toBe(200);
    await deliver();
    const password = PASSWORD_LINE.exec(
      sink
        .to(c.user.email)
        .filter((mail) => PASSWORD_LINE.test(mail.text))
        .at(-1)!.text,
    )![1].trim();
    secrets.push(password);
    expect(await signInByKey(c, password)).toBe('/account/password/change');
    const redeemed = await audit('user.rescue_code_redeemed', c.user.id);
    expect(JSON.parse(redeemed[0].details)).toMatchObject({
      lockoutLifted: true,
      sessionsEnded: 1,
      way: 'rescue_code',
    });
  });

  it('walks the pages in Spanish: sign-in link, request, the same answer, redeem, confirmation', async () => {
    const c = await customer();
    const browser = t.http();
    const ip = newIp();
    const login = await browser.get('/account/login').set('Accept-Language', 'es-MX').expect(200);
    expect(login.text).toContain(`<a href="/account/rescue">${translate('es', 'account.login.forgot')}</a>`);
    const form = await browser.get('/account/rescue').set('Accept-Language', 'es-MX').expect(200);
    expect(form.text).toMatch(/<label for="code">/);
    expect(form.text).toContain('href="/account/rescue/request"');
    const requestPage = await browser.get('/account/rescue/request').set('Accept-Language', 'es-MX').expect(200);
    const formToken = tokenIn(requestPage.text, 'formToken');
    const post = (clientKey: string) =>
      browser
        .post('/account/rescue/request')
        .set('X-Forwarded-For', newIp())
        .set('Accept-Language', 'es-MX')
        .type('form')
        .send({ formToken, clientKey, username: 'admin' });
    const matched = await post(c.client.clientKey);
    const unmatched = await post('XAXX010101000');
    expect(matched.status).toBe(200);
    expect(unmatched.status).toBe(200);
    expect(matched.text.replace(c.client.clientKey, 'KEY')).toBe(
      unmatched.text
        .replace('XAXX010101000', 'KEY')
        .replace(tokenIn(unmatched.text, 'formToken'), tokenIn(matched.text, 'formToken')),
    );
    expect(matched.text).toContain(translate('es', 'rescue.requested', { minutes: 60 }));
    expect(matched.headers['cache-control']).toBe('no-store');

    const code = await codeMailedTo(c.user.email);
    const wrong = await browser
      .post('/account/rescue')
      .set('X-Forwarded-For', ip)
      .type('form')
      .send({ formToken, ...keyOf(c), code: 'CCCCC-CCCCC' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('aria-invalid="true" autofocus');
    const done = await browser
      .post('/account/rescue')
      .set('X-Forwarded-For', ip)
      .set('Accept-Language', 'es-MX')
      .type('form')
      .send({ formToken, ...keyOf(c), code });
    expect(done.status, done.text).toBe(200);
    expect(done.text).toContain(translate('es', 'rescue.redeemed.password_mailed'));
    expect(done.text).toContain('href="/account/login?with&#x3D;key"');
    const forged = await t
      .http()
      .post('/account/rescue/request')
      .type('form')
      .send({ formToken: 'x', clientKey: c.client.clientKey, username: 'admin' });
    expect(forged.status).toBe(403);
  });

  it('is documented in OpenAPI; refuses rescue-code lists to anonymous callers and answers 404 for unknown users', async () => {
    const paths = (await t.http().get('/api/docs-json').expect(200)).body.paths as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.keys(paths['/api/public/rescue-codes'])).toEqual(['post']);
    expect(Object.keys(paths['/api/public/rescue-codes/redeem'])).toEqual(['post']);
    expect(paths['/api/users/{id}/rescue-codes']).toBeDefined();
    await t.http().get('/api/users/1/rescue-codes').expect(401);
    await agent.get('/api/users/999999/rescue-codes').expect(404);
    const bad = await t.http().post('/api/public/rescue-codes').send({ clientKey: 12, username: 'admin' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.clientKey).toBeDefined();
  });

  it('never shows an issued code or password in answers, the audit trail or the log', async () => {
    const entries = await t.dataSource.getRepository(AuditEntryEntity).find();
    const trail = JSON.stringify(entries);
    expect(secrets.length).toBeGreaterThan(5);
    for (const secret of secrets) {
      expect(answers.join('\n')).not.toContain(secret);
      expect(trail).not.toContain(secret);
      expect(trail).not.toContain(secret.replace('-', ''));
    }
  });
});

describe.each(TEST_DATABASES)('rescue codes where the customer chooses the password, on %s', (kind) => {
  let sink: SmtpSink;
  let t: TestApp;
  let agent: request.Agent;
  let csrf: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp(kind, {
      SMTP_URL: sink.url,
      MAIL_WORKER_INTERVAL_MS: '0',
      RESCUE_CUSTOMER_CHOOSES_PASSWORD: 'true',
    });
    agent = t.http();
    csrf = await signIn(agent, t.admin.username, t.admin.password);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('sets the password typed after the code, mails nothing secret, and asks for no change at sign-in', async () => {
    const worker = t.app.get(MailWorker);
    const client = await createClient(agent, csrf);
    const user = await addClientUser(agent, csrf, client.id, { username: 'admin' });
    await t
      .http()
      .post('/api/public/rescue-codes')
      .set('X-Forwarded-For', newIp())
      .send({ clientKey: client.clientKey, username: 'admin' })
      .expect(202);
    while ((await worker.runOnce()) > 0);
    const code = CODE.exec(sink.to(user.email)[0].text)![1];
    const mailedBefore = sink.messages.length;
    const body = { clientKey: client.clientKey, username: 'admin', code };
    const missing = await t.http().post('/api/public/rescue-codes/redeem').send(body);
    expect([missing.status, Object.keys(missing.body.errors)]).toEqual([400, ['password']]);
    const weak = await t
      .http()
      .post('/api/public/rescue-codes/redeem')
      .send({ ...body, password: 'contraseña' });
    expect([weak.status, weak.body.code]).toEqual([400, 'PASSWORD_REJECTED']);

    // The page: the code first, then the password on a form that carries it.
    const browser = t.http();
    const page = await browser.get('/account/rescue').expect(200);
    const formToken = tokenIn(page.text, 'formToken');
    const choose = await browser
      .post('/account/rescue')
      .type('form')
      .send({ formToken, ...body });
    expect(choose.status).toBe(200);
    expect(choose.text).toMatch(/<input id="password" name="password" type="password"/);
    const password = generatePassword(randomBytes);
    const mismatch = await browser
      .post('/account/rescue')
      .type('form')
      .send({
        formToken: tokenIn(choose.text, 'formToken'),
        ...body,
        step: 'password',
        password,
        confirmation: `${password}x`,
      });
    expect(mismatch.status).toBe(400);
    const done = await browser
      .post('/account/rescue')
      .type('form')
      .send({
        formToken: tokenIn(choose.text, 'formToken'),
        ...body,
        step: 'password',
        password,
        confirmation: password,
      });
    expect(done.status, done.text).toBe(200);
    expect(done.text).toContain(translate('en', 'rescue.redeemed.password_chosen'));

    while ((await worker.runOnce()) > 0);
    const later = sink.messages.slice(mailedBefore);
    expect(later.map((mail) => mail.to)).toEqual([user.email]);
    expect(later[0].text).not.toContain(password);
    const stored = await t.dataSource.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    expect(stored.mustChangePassword).toBe(false);
    expect(await t.app.get(PasswordHasher).verify(stored.passwordHash!, password)).toBe(true);
    expect(
      (
        await t
          .http()
          .post('/api/public/rescue-codes/redeem')
          .send({ ...body, password })
      ).status,
    ).toBe(400);
  });
});
