import { randomBytes } from 'node:crypto';

import type request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { generatePassword, Permission, type PasswordResetResponse } from '@keydesk/domain';

import { translate } from '../../apps/api/src/common/i18n/translate';
import { AuditEntryEntity } from '../../apps/api/src/modules/audit/audit-entry.entity';
import { PasswordHasher } from '../../apps/api/src/modules/auth/password-hasher';
import { MailOutboxEntity } from '../../apps/api/src/modules/emails/mail-outbox.entity';
import { MailWorker } from '../../apps/api/src/modules/emails/mail-worker';
import { UserEntity } from '../../apps/api/src/modules/users/user.entity';
import { createClient } from '../factories/client.factory';
import { createStaff, CreatedStaff, signInWithPermissions } from '../factories/staff.factory';
import { createTicket } from '../factories/ticket.factory';
import { addClientUser } from '../factories/user.factory';
import { signIn } from '../support/sign-in';
import { SmtpSink } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

const LINK = /http:\/\/localhost:3000\/account\/password\/reset\/([A-Za-z0-9_-]{43})/;

/** As Handlebars escapes text into a page. */
const escaped = (text: string) =>
  text.replace(/[&<>"'`=]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);

describe.each(TEST_DATABASES)('password reset email on %s', (kind) => {
  let sink: SmtpSink;
  let t: TestApp;
  let worker: MailWorker;
  let staff: CreatedStaff;
  let agent: request.Agent;
  let csrf: string;
  /** Every token issued and every API answer given, to look for the first in the second at the end. */
  const tokens: string[] = [];
  const answers: string[] = [];

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp(kind, { SMTP_URL: sink.url, MAIL_WORKER_INTERVAL_MS: '0' });
    worker = t.app.get(MailWorker);
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

  async function customer(language: 'es' | 'en' = 'es') {
    const client = await createClient(agent, csrf, { language });
    const user = await addClientUser(agent, csrf, client.id, { firstName: 'Rosa', lastName: 'Méndez' });
    return { client, user };
  }

  async function send(
    userId: number,
    body: Record<string, unknown> = {},
    expected = 202,
  ): Promise<PasswordResetResponse> {
    const response = await agent.post(`/api/users/${userId}/password-reset-email`).set('X-CSRF-Token', csrf).send(body);
    answers.push(response.text);
    expect(response.status, response.text).toBe(expected);
    return response.body as PasswordResetResponse;
  }

  /** Delivers the queue and returns the token of the newest reset mail to `email`. */
  async function tokenMailedTo(email: string): Promise<string> {
    while ((await worker.runOnce()) > 0);
    const mails = sink.to(email).filter((mail) => LINK.test(mail.text));
    const token = LINK.exec(mails.at(-1)!.text)![1];
    tokens.push(token);
    return token;
  }

  async function resets(userId: number): Promise<PasswordResetResponse[]> {
    const response = await agent.get(`/api/users/${userId}/password-resets`).expect(200);
    answers.push(response.text);
    return response.body as PasswordResetResponse[];
  }

  const page = (token: string) => t.http().get(`/account/password/reset/${token}`);
  const formTokenOf = (html: string) => /name="formToken" value="([^"]+)"/.exec(html)![1];
  const submit = (token: string, password: string, formToken: string, confirmation = password) =>
    t.http().post(`/account/password/reset/${token}`).type('form').send({ password, confirmation, formToken });
  const userRow = (id: number) => t.dataSource.getRepository(UserEntity).findOneByOrFail({ id });

  it('mails a link that lets the customer choose a password once, then says so', async () => {
    const { client, user } = await customer();
    const sent = await send(user.id, { reason: 'forgot' });
    expect(sent).toMatchObject({
      userId: user.id,
      clientId: client.id,
      state: 'sent',
      reason: 'forgot',
      sentBy: { name: 'Paola Soporte' },
    });
    expect(new Date(sent.expiresAt).getTime() - new Date(sent.createdAt).getTime()).toBe(60 * 60_000);
    const token = await tokenMailedTo(user.email);
    const [mail] = sink.to(user.email);
    expect(mail.text).toContain('vence en 60 minutos');

    const form = await page(token).expect(200);
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.headers['referrer-policy']).toBe('no-referrer');
    expect(form.text).toContain('<html lang="es">');
    expect(form.text).toMatch(/<label for="password">/);
    const formToken = formTokenOf(form.text);

    const weak = await submit(token, 'corta123', formToken).expect(400);
    expect(weak.text).toContain(escaped(translate('es', 'password.too_short', { minLength: 15 })));
    expect(weak.text).toMatch(/aria-invalid="true" autofocus/);
    expect(weak.text).toContain('aria-describedby="password-hint password-error');
    expect((await userRow(user.id)).passwordHash).toBeNull();
    await submit(token, 'Rosa Méndez y sus gatos del jardín', formToken).expect(400);
    await submit(token, generatePassword(randomBytes), formToken, 'otra cosa distinta de la primera').expect(400);
    await submit(token, generatePassword(randomBytes), 'forged').expect(403);
    expect((await userRow(user.id)).passwordHash).toBeNull();

    const password = generatePassword(randomBytes);
    const done = await submit(token, password, formToken).expect(200);
    expect(done.headers['cache-control']).toBe('no-store');
    expect(done.text).toContain('href="/account/login"');
    const stored = await userRow(user.id);
    expect(await t.app.get(PasswordHasher).verify(stored.passwordHash!, password)).toBe(true);
    expect(stored).toMatchObject({ mustChangePassword: false });
    expect(stored.passwordChangedAt).not.toBeNull();

    while ((await worker.runOnce()) > 0);
    const changed = sink.to(user.email).filter((m) => /cambi/i.test(m.subject) && !LINK.test(m.text));
    expect(changed).toHaveLength(1);
    expect(changed[0].text).toContain('http://localhost:3000/account/login');

    const reused = await page(token).expect(410);
    expect(reused.text).toContain(escaped(translate('es', 'account.invalid.title')));
    await submit(token, generatePassword(randomBytes), formToken).expect(410);
    expect((await resets(user.id))[0]).toMatchObject({ id: sent.id, state: 'used' });
    const audit = await t.dataSource
      .getRepository(AuditEntryEntity)
      .findBy({ action: 'user.password_reset_completed', subjectId: String(user.id) });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: 'user', actorId: String(user.id), clientId: client.id });
    expect(audit[0].ip).not.toBeNull();
  });

  it('voids the older link when a newer one is sent', async () => {
    const { user } = await customer();
    const first = await send(user.id);
    const older = await tokenMailedTo(user.email);
    const second = await send(user.id);
    const newer = await tokenMailedTo(user.email);
    expect(newer).not.toBe(older);
    await page(older).expect(410);
    await page(newer).expect(200);
    expect((await resets(user.id)).map((r) => [r.id, r.state])).toEqual([
      [second.id, 'sent'],
      [first.id, 'voided'],
    ]);
  });

  it('expires the link after 60 minutes by the clock', async () => {
    const { user } = await customer('en');
    const sent = await send(user.id);
    const token = await tokenMailedTo(user.email);
    t.clock.advanceMinutes(59);
    const form = await page(token).expect(200);
    expect(form.text).toContain('<html lang="en">');
    t.clock.advanceMinutes(2);
    // The staff session ran out meanwhile (30 minutes idle).
    agent = t.http();
    csrf = await signIn(agent, staff.username, staff.password);
    const expired = await page(token).expect(410);
    expect(expired.text).toContain('<html lang="en">');
    await submit(token, generatePassword(randomBytes), formTokenOf(form.text)).expect(410);
    expect((await resets(user.id))[0]).toMatchObject({ id: sent.id, state: 'expired' });
    expect((await userRow(user.id)).passwordHash).toBeNull();
  });

  it('lets exactly one of 20 simultaneous submits of a link win', async () => {
    const { user } = await customer();
    await send(user.id);
    const token = await tokenMailedTo(user.email);
    const formToken = formTokenOf((await page(token).expect(200)).text);
    const passwords = Array.from({ length: 20 }, () => generatePassword(randomBytes));
    const results = await Promise.all(passwords.map((password) => submit(token, password, formToken)));
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(19).fill(410)]);
    const winner = passwords[results.findIndex((r) => r.status === 200)];
    expect(await t.app.get(PasswordHasher).verify((await userRow(user.id)).passwordHash!, winner)).toBe(true);
    const completed = await t.dataSource
      .getRepository(AuditEntryEntity)
      .countBy({ action: 'user.password_reset_completed', subjectId: String(user.id) });
    expect(completed).toBe(1);
  });

  it('posts the templated public reply on the named ticket and mails it', async () => {
    const { client, user } = await customer();
    const ticket = await createTicket(agent, csrf, client.id, { userId: user.id });
    const sent = await send(user.id, {
      clientId: client.id,
      ticketId: ticket.id,
      reason: 'El cliente no recuerda su contraseña',
    });
    expect(sent.ticketId).toBe(ticket.id);
    await tokenMailedTo(user.email);
    const messages = await agent.get(`/api/tickets/${ticket.id}/messages`).expect(200);
    answers.push(messages.text);
    const reply = (messages.body as Array<{ id: number; body: string; internal: boolean }>).find(
      (m) => m.id === sent.ticketMessageId,
    )!;
    expect(reply.internal).toBe(false);
    expect(reply.body).toContain(`Te enviamos un correo a ${user.email}`);
    expect(reply.body).toContain('vence en 60 minutos');
    expect(sink.to(user.email).some((mail) => mail.text.includes(`Te enviamos un correo a ${user.email}`))).toBe(true);
    expect((await agent.get(`/api/tickets/${ticket.id}`).expect(200)).body.status).toBe('answered');
    const [entry] = await t.dataSource
      .getRepository(AuditEntryEntity)
      .findBy({ action: 'user.password_reset_email_sent', subjectId: String(user.id) });
    expect(JSON.parse(entry.details)).toMatchObject({
      clientId: client.id,
      ticketId: ticket.id,
      reason: 'El cliente no recuerda su contraseña',
      emailId: sent.emailId,
    });
  });

  it("refuses without the permission, for an unknown user, and a ticket or client not the user's", async () => {
    const { client, user } = await customer();
    const other = await customer();
    const viewer = await signInWithPermissions(t, [Permission.ClientsView]);
    await viewer.agent
      .post(`/api/users/${user.id}/password-reset-email`)
      .set('X-CSRF-Token', viewer.csrf)
      .send({})
      .expect(403);
    await viewer.agent.get(`/api/users/${user.id}/password-resets`).expect(200);
    await send(999_999, {}, 404);
    const foreignTicket = await createTicket(agent, csrf, other.client.id);
    expect(
      ((await send(user.id, { ticketId: foreignTicket.id }, 400)) as unknown as { errors: object }).errors,
    ).toHaveProperty('ticketId');
    expect(
      ((await send(user.id, { clientId: other.client.id }, 400)) as unknown as { errors: object }).errors,
    ).toHaveProperty('clientId');
    await send(user.id, { reason: 'x'.repeat(201) }, 400);
    expect(await resets(user.id)).toEqual([]);
    expect(client.id).toBeGreaterThan(0);
  });

  it('never shows an issued token in the audit trail, the Emails API, tickets or API answers', async () => {
    expect(tokens.length).toBeGreaterThan(5);
    const audit = JSON.stringify(await t.dataSource.getRepository(AuditEntryEntity).find());
    const outbox = await t.dataSource.getRepository(MailOutboxEntity).find();
    const emails = await agent.get('/api/emails').query({ range: '[0,499]' }).expect(200);
    const details = await Promise.all(
      (emails.body as Array<{ id: number }>).map((e) => agent.get(`/api/emails/${e.id}`).expect(200)),
    );
    const seen = [audit, JSON.stringify(outbox), emails.text, ...details.map((d) => d.text), ...answers].join('\n');
    expect(details.some((d) => d.text.includes('[redacted]'))).toBe(true);
    for (const token of tokens) expect(seen).not.toContain(token);
    expect(outbox.filter((row) => row.template === 'password-reset-link').every((row) => row.secrets === null)).toBe(
      true,
    );
  });
});
