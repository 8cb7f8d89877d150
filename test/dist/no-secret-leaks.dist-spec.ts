import { randomBytes } from 'node:crypto';

import { Secret, TOTP } from 'otpauth';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { generatePassword } from '@keydesk/domain';

import { createClient } from '../factories/client.factory';
import { createTicket } from '../factories/ticket.factory';
import { addClientUser } from '../factories/user.factory';
import { RunningServer, startServer } from '../support/built-server';
import { signIn } from '../support/sign-in';
import { SmtpSink } from '../support/smtp-sink';

const RESET_LINK = /\/account\/password\/reset\/([A-Za-z0-9_-]{43})/;
const REVEAL_LINK = /\/account\/password\/reveal\/([A-Za-z0-9_-]{43})/;

/** The value of a hidden field of a server-rendered form. */
const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)![1];

/**
 * The whole customer journey against the built server, as in production (its own process, its
 * real log at debug level, SMTP): every password, link and code it issues or is given is kept,
 * then looked for in the log, the audit trail, the Emails tab, the tickets and the API's answers.
 */
describe('secrets stay out of logs, the audit trail, the Emails tab and tickets', () => {
  let sink: SmtpSink;
  let server: RunningServer;
  let staff: request.Agent;
  let csrf: string;
  let origin: string;
  const secrets: string[] = [];

  beforeAll(async () => {
    sink = await SmtpSink.start();
    server = await startServer({
      env: { SMTP_URL: sink.url, MAIL_WORKER_INTERVAL_MS: '100', LOG_LEVEL: 'debug', PUBLIC_URL: 'http://localhost:3000' },
      outputLimit: Infinity,
    });
    origin = server.url.replace(/\/$/, '');
    staff = request.agent(origin);
    csrf = await signIn(staff, server.adminUsername, server.adminPassword);
  });
  afterAll(async () => {
    await server?.stop();
    await sink?.stop();
  });

  /** Signs a customer in through the page's form; answers where the server sent them. */
  async function customerSignIn(customer: request.Agent, fields: Record<string, string>): Promise<string> {
    const page = await customer.get(`/account/login${fields.method === 'key' ? '?with=key' : ''}`).expect(200);
    const response = await customer.post('/account/login').type('form').send({ ...fields, formToken: hidden(page.text, 'formToken') });
    return response.status === 303 ? response.headers.location : `${response.status}`;
  }

  it('walks both password actions and the client area, then finds none of their secrets anywhere', async () => {
    const client = await createClient(staff, csrf, { language: 'es' });
    const user = await addClientUser(staff, csrf, client.id, { firstName: 'Rosa', lastName: 'Méndez', username: 'admin' });
    const ticket = await createTicket(staff, csrf, client.id, { userId: user.id });

    // 1. Send reset email; the customer chooses a password from the link.
    await staff.post(`/api/users/${user.id}/password-reset-email`).set('X-CSRF-Token', csrf).send({ ticketId: ticket.id }).expect(202);
    const resetToken = (await sink.waitForMatch(user.email, RESET_LINK))[1];
    const chosen = generatePassword(randomBytes);
    secrets.push(resetToken, chosen);
    const form = await request(origin).get(`/account/password/reset/${resetToken}`).expect(200);
    await request(origin).post(`/account/password/reset/${resetToken}`).type('form')
      .send({ password: chosen, confirmation: chosen, formToken: hidden(form.text, 'formToken') }).expect(200);

    // 2. The customer signs in with it by email, and once with a wrong password.
    const wrong = generatePassword(randomBytes);
    secrets.push(wrong);
    expect(await customerSignIn(request.agent(origin), { method: 'email', email: user.email, password: wrong })).toBe('401');
    expect(await customerSignIn(request.agent(origin), { method: 'email', email: user.email, password: chosen })).toBe('/account/');

    // 3. Change password with a view-once link; the customer reveals it and must replace it.
    await staff.post(`/api/users/${user.id}/password`).set('X-CSRF-Token', csrf).send({ generate: true, ticketId: ticket.id }).expect(201);
    const revealToken = (await sink.waitForMatch(user.email, REVEAL_LINK))[1];
    secrets.push(revealToken);
    const revealForm = await request(origin).get(`/account/password/reveal/${revealToken}`).expect(200);
    const revealed = await request(origin).post(`/account/password/reveal/${revealToken}`).type('form')
      .send({ formToken: hidden(revealForm.text, 'formToken') }).expect(200);
    const temporary = /<output id="temporary-password"[^>]*>([^<]+)<\/output>/.exec(revealed.text)![1]
      .replace(/&#x([0-9A-F]+);/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    secrets.push(temporary);
    const customer = request.agent(origin);
    expect(await customerSignIn(customer, { method: 'key', clientKey: client.clientKey, username: 'admin', password: temporary }))
      .toBe('/account/password/change');
    const own = generatePassword(randomBytes);
    secrets.push(own);
    const change = await customer.get('/account/password/change').expect(200);
    const changed = await customer.post('/account/password/change').type('form')
      .send({ password: own, confirmation: own, currentPassword: temporary, csrfToken: hidden(change.text, 'csrfToken') });
    expect(changed.status).toBe(303);

    // 4. Change password with the password in the mail, on a new ticket.
    await staff.post(`/api/users/${user.id}/password`).set('X-CSRF-Token', csrf)
      .send({ generate: true, newTicketSubject: 'Tu acceso', delivery: 'inline' }).expect(201);
    const mailed = (await sink.waitForMatch(user.email, /contraseña temporal es:\s*\n\s*(\S[^\n]*)/))[1].trim();
    secrets.push(mailed);
    expect(await customerSignIn(request.agent(origin), { method: 'email', email: user.email, password: mailed }))
      .toBe('/account/password/change');

    // Everything staff and integrators can read, and everything the server wrote.
    const read = async (path: string) => (await staff.get(path).expect(200)).text;
    const emails = await staff.get('/api/emails').query({ range: '[0,99]' }).expect(200);
    const surfaces = [
      server.output(),
      await read(`/api/clients/${client.id}/activity?range=[0,499]`),
      emails.text,
      ...(await Promise.all((emails.body as Array<{ id: number }>).map((mail) => read(`/api/emails/${mail.id}`)))),
      ...(await Promise.all((await staff.get(`/api/tickets?filter={"clientId":${client.id}}`).expect(200)).body
        .map((t: { id: number }) => read(`/api/tickets/${t.id}/messages`)))),
      await read(`/api/users/${user.id}`),
      await read(`/api/users/${user.id}/password-resets`),
      await read(`/api/users/${user.id}/sign-ins`),
    ].join('\n');

    expect(server.output()).toMatch(/"url":"\/account\/password\/reveal\/\[redacted\]"/);
    expect(surfaces).toContain('[redacted]');
    expect(surfaces).toContain('[contraseña enviada al cliente]');
    expect(secrets).toHaveLength(7);
    for (const secret of secrets) expect(surfaces, 'a secret leaked').not.toContain(secret);
  });

  it('keeps second factors out of them too: TOTP secrets and codes, recovery codes, report links', async () => {
    const totp = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();
    const begun = await staff.post('/api/me/two-factor/totp').set('X-CSRF-Token', csrf).expect(200);
    const firstCode = totp(begun.body.secret);
    const confirmed = await staff.post('/api/me/two-factor/totp/confirm').set('X-CSRF-Token', csrf).send({ code: firstCode }).expect(200);
    const recoveryCodes: string[] = confirmed.body.recoveryCodes;
    const factorSecrets = [begun.body.secret, firstCode, ...recoveryCodes];

    // A second sign-in with the app's code, then a step-up with a recovery code.
    const second = request.agent(origin);
    const half = await second.post('/api/auth/login').send({ username: server.adminUsername, password: server.adminPassword }).expect(200);
    const signedIn = await second.post('/api/auth/login/second-factor').set('X-CSRF-Token', half.body.csrfToken)
      .send({ method: 'recovery_code', code: recoveryCodes[0] }).expect(200);
    await second.post('/api/auth/step-up').set('X-CSRF-Token', signedIn.body.csrfToken)
      .send({ method: 'recovery_code', code: recoveryCodes[1] }).expect(204);
    await second.post('/api/auth/step-up').set('X-CSRF-Token', signedIn.body.csrfToken)
      .send({ method: 'totp', code: '000000' }).expect(401);

    // A customer's notice and its "This wasn't me" link.
    const client = await createClient(second, signedIn.body.csrfToken, { language: 'en' });
    const user = await addClientUser(second, signedIn.body.csrfToken, client.id, { firstName: 'Lia', lastName: 'Soto' });
    // The caller is verified first (the default policy), with a code read from the mail; it must not leak either.
    const started = await second.post(`/api/users/${user.id}/verifications`).set('X-CSRF-Token', signedIn.body.csrfToken)
      .send({ address: user.email }).expect(201);
    const callerCode = (await sink.waitForMatch(user.email, /^(\d{6})$/m))[1];
    await second.post(`/api/users/${user.id}/verifications/${started.body.id}/confirm`).set('X-CSRF-Token', signedIn.body.csrfToken)
      .send({ code: callerCode }).expect(200);
    await second.put(`/api/users/${user.id}`).set('X-CSRF-Token', signedIn.body.csrfToken).send({ email: 'lia.new@example.test' }).expect(200);
    const reportToken = (await sink.waitForMatch(user.email, /\/account\/report\/([A-Za-z0-9_-]{43})/))[1];
    await request(origin).get(`/account/report/${reportToken}`).expect(200);
    factorSecrets.push(reportToken);

    const emails = await second.get('/api/emails').query({ range: '[0,199]' }).expect(200);
    const surfaces = [
      server.output(),
      (await second.get('/api/activity').query({ range: '[0,199]' }).expect(200)).text,
      emails.text,
      ...(await Promise.all((emails.body as Array<{ id: number }>).map(async (mail) => (await second.get(`/api/emails/${mail.id}`)).text))),
      (await second.get('/api/me/two-factor').expect(200)).text,
      (await second.get('/api/me/sessions').expect(200)).text,
    ].join('\n');
    expect(server.output()).toMatch(/"url":"\/account\/report\/\[redacted\]"/);
    for (const secret of factorSecrets) expect(surfaces, 'a second factor leaked').not.toContain(secret);
    // Six digits occur by chance inside timestamps and hashes: the caller's code as a number of its own.
    expect(surfaces, "the caller's code leaked").not.toMatch(new RegExp(`(?<![0-9A-Za-z])${callerCode}(?![0-9A-Za-z])`));
  });
});
