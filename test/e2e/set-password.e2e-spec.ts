import { randomBytes } from 'node:crypto';

import type request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  type ActivityAction,
  checkPassword,
  generatePassword,
  Permission,
  type SetUserPasswordResponse,
} from '@keydesk/domain';

import { translate } from '../../apps/api/src/common/i18n/translate';
import { AuditEntryEntity } from '../../apps/api/src/modules/audit/audit-entry.entity';
import { PasswordHasher } from '../../apps/api/src/modules/auth/password-hasher';
import { MailOutboxEntity } from '../../apps/api/src/modules/emails/mail-outbox.entity';
import { MailWorker } from '../../apps/api/src/modules/emails/mail-worker';
import { TicketMessageEntity } from '../../apps/api/src/modules/tickets/ticket-message.entity';
import { PasswordRevealEntity } from '../../apps/api/src/modules/user-passwords/password-reveal.entity';
import { PasswordRevealHousekeeping } from '../../apps/api/src/modules/user-passwords/password-reveal.housekeeping';
import { UserEntity } from '../../apps/api/src/modules/users/user.entity';
import { createClient } from '../factories/client.factory';
import { createStaff, CreatedStaff, signInWithPermissions } from '../factories/staff.factory';
import { createTicket } from '../factories/ticket.factory';
import { addClientUser } from '../factories/user.factory';
import { approvedRequest, verifyCaller } from '../support/assurance';
import { signIn } from '../support/sign-in';
import { SmtpSink } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

const REVEAL_LINK = /http:\/\/localhost:3000\/account\/password\/reveal\/([A-Za-z0-9_-]{43})/;
const RESET_LINK = /http:\/\/localhost:3000\/account\/password\/reset\/([A-Za-z0-9_-]{43})/;
const HOUR = 3_600_000;

/** As Handlebars escapes text into a page. */
const escaped = (text: string) =>
  text.replace(/[&<>"'`=]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);

describe.each(TEST_DATABASES)('change password and post to ticket on %s', (kind) => {
  let sink: SmtpSink;
  let t: TestApp;
  let worker: MailWorker;
  let staff: CreatedStaff;
  let agent: request.Agent;
  let csrf: string;
  /** Every password and link token issued, and every API answer given, to look for the first in the second at the end. */
  const secrets: string[] = [];
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
    const user = await addClientUser(agent, csrf, client.id, {
      firstName: 'Rosa',
      lastName: 'Méndez',
      username: `rosa-${randomBytes(3).toString('hex')}`,
    });
    return { client, user };
  }

  async function setPassword(
    userId: number,
    body: Record<string, unknown>,
    expected = 201,
  ): Promise<SetUserPasswordResponse> {
    if (typeof body.password === 'string') secrets.push(body.password);
    // A typed password is for a caller the agent verified (the default policy).
    if (typeof body.password === 'string' && expected < 300) await verifyCaller(t, agent, csrf, userId);
    // The agent's browser speaks Spanish: refusals come back in it.
    const response = await agent
      .post(`/api/users/${userId}/password`)
      .set('X-CSRF-Token', csrf)
      .set('Accept-Language', 'es-MX')
      .send(body);
    answers.push(response.text);
    expect(response.status, response.text).toBe(expected);
    return response.body as SetUserPasswordResponse;
  }

  async function deliver(): Promise<void> {
    while ((await worker.runOnce()) > 0);
  }

  /** The newest mail to `email` with a view-once link, and its token. */
  async function revealTokenMailedTo(email: string): Promise<string> {
    await deliver();
    const mail = sink
      .to(email)
      .filter((m) => REVEAL_LINK.test(m.text))
      .at(-1)!;
    const token = REVEAL_LINK.exec(mail.text)![1];
    secrets.push(token);
    return token;
  }

  const revealPage = (token: string) => t.http().get(`/account/password/reveal/${token}`);
  const formTokenOf = (html: string) => /name="formToken" value="([^"]+)"/.exec(html)![1];
  const pressReveal = (token: string, formToken: string) =>
    t.http().post(`/account/password/reveal/${token}`).type('form').send({ formToken });
  const shownPassword = (html: string) => /<output id="temporary-password"[^>]*>([^<]+)<\/output>/.exec(html)![1];
  const userRow = (id: number) => t.dataSource.getRepository(UserEntity).findOneByOrFail({ id });
  const verify = async (id: number, password: string) =>
    t.app.get(PasswordHasher).verify((await userRow(id)).passwordHash!, password);
  const auditOf = (action: ActivityAction, subjectId: number) =>
    t.dataSource.getRepository(AuditEntryEntity).findBy({ action, subjectId: String(subjectId) });

  it('sets a temporary password, opens a ticket and mails a view-once link that shows it after "Reveal", once', async () => {
    const { client, user } = await customer('es');
    const password = generatePassword(randomBytes);
    const done = await setPassword(user.id, {
      password,
      newTicketSubject: 'Tu acceso a la facturación',
      reason: 'locked_out',
    });
    expect(done).toMatchObject({
      userId: user.id,
      clientId: client.id,
      ticketCreated: true,
      delivery: 'link',
      generated: false,
    });
    expect(new Date(done.expiresAt).getTime()).toBe(t.clock.nowMs() + 24 * HOUR);
    expect(JSON.stringify(done)).not.toContain(password);

    const stored = await userRow(user.id);
    expect(stored).toMatchObject({ mustChangePassword: true });
    expect(stored.passwordExpiresAt!.getTime()).toBe(t.clock.nowMs() + 24 * HOUR);
    expect(await verify(user.id, password)).toBe(true);
    const shown = await agent.get(`/api/users/${user.id}`).expect(200);
    expect(shown.body).toMatchObject({ mustChangePassword: true, temporaryPasswordExpiresAt: done.expiresAt });

    const ticket = await agent.get(`/api/tickets/${done.ticketId}`).expect(200);
    expect(ticket.body).toMatchObject({
      clientId: client.id,
      userId: user.id,
      subject: 'Tu acceso a la facturación',
      status: 'answered',
    });
    const messages = await agent.get(`/api/tickets/${done.ticketId}/messages`).expect(200);
    answers.push(messages.text);
    const reply = (messages.body as Array<{ id: number; body: string; internal: boolean }>).find(
      (m) => m.id === done.ticketMessageId,
    )!;
    expect(reply.internal).toBe(false);
    expect(reply.body).toContain('[contraseña enviada al cliente]');
    expect(reply.body).toContain('24 horas');

    const token = await revealTokenMailedTo(user.email);
    const mail = sink.to(user.email).find((m) => REVEAL_LINK.test(m.text))!;
    expect(mail.text).not.toContain(password);
    expect(mail.text).toContain(`ticket #${done.ticketId}`);
    expect(mail.text).toContain(client.clientKey);

    // Opening the link (as a mail scanner would, twice) shows only the button.
    for (let i = 0; i < 2; i++) {
      const form = await revealPage(token).expect(200);
      expect(form.headers['cache-control']).toBe('no-store');
      expect(form.headers['referrer-policy']).toBe('no-referrer');
      expect(form.text).toContain('<html lang="es">');
      expect(form.text).toContain(escaped(translate('es', 'account.reveal.reveal')));
      expect(form.text).not.toContain(password);
    }
    const formToken = formTokenOf((await revealPage(token)).text);
    await pressReveal(token, 'forged').expect(403);
    const revealed = await pressReveal(token, formToken).expect(200);
    expect(revealed.headers['cache-control']).toBe('no-store');
    expect(shownPassword(revealed.text)).toBe(escaped(password));
    expect(revealed.text).toContain('href="/account/login"');

    const again = await pressReveal(token, formToken).expect(410);
    expect(again.text).toContain(escaped(translate('es', 'account.revealInvalid.title')));
    expect(again.text).not.toContain(escaped(password));
    await revealPage(token).expect(410);
    const row = await t.dataSource.getRepository(PasswordRevealEntity).findOneByOrFail({ userId: user.id });
    expect(row.sealedPassword).toBeNull();
    expect(row.revealedAt).not.toBeNull();

    const [set] = await auditOf('user.password_set', user.id);
    expect(set).toMatchObject({ actorType: 'staff', actorName: 'Paola Soporte', clientId: client.id });
    expect(JSON.parse(set.details)).toMatchObject({
      ticketId: done.ticketId,
      ticketCreated: true,
      ticketMessageId: done.ticketMessageId,
      emailId: done.emailId,
      delivery: 'link',
      generated: false,
      reason: 'locked_out',
      expiresAt: done.expiresAt,
      revealId: row.id,
    });
    expect(await auditOf('ticket.opened', done.ticketId)).toHaveLength(1);
    expect(await auditOf('ticket.replied', done.ticketId)).toHaveLength(1);
    const [reveal] = await auditOf('user.password_revealed', user.id);
    expect(reveal).toMatchObject({ actorType: 'user', actorId: String(user.id) });
  });

  it('puts a typed password in the mail of a reply on an existing ticket, in English, never in the ticket', async () => {
    const { client, user } = await customer('en');
    const ticket = await createTicket(agent, csrf, client.id, { userId: user.id });
    const password = generatePassword(randomBytes);
    const done = await setPassword(user.id, { password, ticketId: ticket.id, delivery: 'inline' });
    expect(done).toMatchObject({ ticketId: ticket.id, ticketCreated: false, delivery: 'inline' });
    await deliver();
    const [mail] = sink.to(user.email).filter((m) => m.text.includes(password));
    expect(mail.subject).toMatch(/password/i);
    expect(mail.text).not.toMatch(REVEAL_LINK);
    const message = await t.dataSource.getRepository(TicketMessageEntity).findOneByOrFail({ id: done.ticketMessageId });
    expect(message.body).toContain('[password sent to the customer]');
    expect(message.body).not.toContain(password);
    expect(await t.dataSource.getRepository(PasswordRevealEntity).findBy({ userId: user.id })).toEqual([]);
    expect(await verify(user.id, password)).toBe(true);
  });

  it('generates a password nobody on staff sees, which the policy accepts', async () => {
    const { user } = await customer();
    const done = await setPassword(user.id, { generate: true, newTicketSubject: 'Acceso', delivery: 'inline' });
    expect(done.generated).toBe(true);
    await deliver();
    const mail = sink.to(user.email).find((m) => m.text.includes('contraseña temporal es:'))!;
    const password = /\n\s*([^\n]{15,})\n/.exec(mail.text.split(/contraseña temporal es:/)[1])![1].trim();
    secrets.push(password);
    expect(checkPassword(password).ok).toBe(true);
    expect(await verify(user.id, password)).toBe(true);
    expect(answers.at(-1)).not.toContain(password);
  });

  it('refuses bad input with a reason per field and changes nothing', async () => {
    const { client, user } = await customer();
    const other = await customer();
    const ticket = await createTicket(agent, csrf, client.id);
    const foreign = await createTicket(agent, csrf, other.client.id);
    const errorsOf = async (body: Record<string, unknown>, status = 400) =>
      ((await setPassword(user.id, body, status)) as unknown as { errors: Record<string, string> }).errors;

    expect((await errorsOf({ password: 'corta123', ticketId: ticket.id })).password).toBe(
      translate('es', 'password.too_short', { minLength: 15 }),
    );
    expect((await errorsOf({ password: 'Rosa Méndez tiene un gato gris', ticketId: ticket.id })).password).toBe(
      translate('es', 'password.contains_personal_info'),
    );
    expect(await errorsOf({ ticketId: ticket.id })).toHaveProperty('password');
    expect(
      await errorsOf({ password: generatePassword(randomBytes), generate: true, ticketId: ticket.id }),
    ).toHaveProperty('password');
    expect(await errorsOf({ generate: true })).toHaveProperty('ticketId');
    expect(await errorsOf({ generate: true, ticketId: ticket.id, newTicketSubject: 'Dos' })).toHaveProperty(
      'newTicketSubject',
    );
    expect(await errorsOf({ generate: true, ticketId: foreign.id })).toHaveProperty('ticketId');
    expect(await errorsOf({ generate: true, ticketId: ticket.id, clientId: other.client.id })).toHaveProperty(
      'clientId',
    );
    expect(await errorsOf({ generate: true, ticketId: ticket.id, delivery: 'sms' })).toHaveProperty('delivery');
    expect(await errorsOf({ generate: true, newTicketSubject: 'x'.repeat(256) })).toHaveProperty('newTicketSubject');
    await setPassword(999_999, { generate: true, newTicketSubject: 'Acceso' }, 404);
    const viewer = await signInWithPermissions(t, [Permission.ClientsView, Permission.UsersSendResetEmail]);
    await viewer.agent
      .post(`/api/users/${user.id}/password`)
      .set('X-CSRF-Token', viewer.csrf)
      .send({ generate: true, ticketId: ticket.id })
      .expect(403);

    const stored = await userRow(user.id);
    expect(stored).toMatchObject({ passwordHash: null, mustChangePassword: false, passwordExpiresAt: null });
    expect(await t.dataSource.getRepository(TicketMessageEntity).countBy({ ticketId: ticket.id })).toBe(1);
    expect(await t.dataSource.getRepository(MailOutboxEntity).countBy({ userId: user.id })).toBe(0);
    expect(await auditOf('user.password_set', user.id)).toEqual([]);
  });

  it('voids older view-once links and reset links, and a link stops when the user chooses a password', async () => {
    const { user } = await customer();
    await agent.post(`/api/users/${user.id}/password-reset-email`).set('X-CSRF-Token', csrf).send({}).expect(202);
    await setPassword(user.id, { generate: true, newTicketSubject: 'Acceso' });
    const first = await revealTokenMailedTo(user.email);
    const [reset] = (await agent.get(`/api/users/${user.id}/password-resets`).expect(200)).body as Array<{
      state: string;
    }>;
    expect(reset.state).toBe('voided');

    await setPassword(user.id, { generate: true, newTicketSubject: 'Acceso otra vez' });
    const second = await revealTokenMailedTo(user.email);
    await revealPage(first).expect(410);
    await revealPage(second).expect(200);

    // The customer chooses a password through a newer reset link: the temporary one, and its link, are gone.
    // The fourth password action on the user in a day takes a supervisor's approval.
    const supervisor = t.http();
    const supervisorCsrf = await signIn(supervisor, t.admin.username, t.admin.password);
    const approvalId = await approvedRequest(
      { agent, csrf },
      { agent: supervisor, csrf: supervisorCsrf },
      { action: 'user.password_action_over_limit', userId: user.id },
    );
    await agent
      .post(`/api/users/${user.id}/password-reset-email`)
      .set('X-CSRF-Token', csrf)
      .send({ approvalId })
      .expect(202);
    await deliver();
    const resetToken = RESET_LINK.exec(
      sink
        .to(user.email)
        .filter((m) => RESET_LINK.test(m.text))
        .at(-1)!.text,
    )![1];
    secrets.push(resetToken);
    const form = await t.http().get(`/account/password/reset/${resetToken}`).expect(200);
    const chosen = generatePassword(randomBytes);
    secrets.push(chosen);
    await t
      .http()
      .post(`/account/password/reset/${resetToken}`)
      .type('form')
      .send({ password: chosen, confirmation: chosen, formToken: formTokenOf(form.text) })
      .expect(200);
    await revealPage(second).expect(410);
    expect(await userRow(user.id)).toMatchObject({ mustChangePassword: false, passwordExpiresAt: null });
  });

  it('lets the link work until the temporary password expires, by the clock', async () => {
    const { user } = await customer();
    await setPassword(user.id, { generate: true, newTicketSubject: 'Acceso' });
    const token = await revealTokenMailedTo(user.email);
    t.clock.advance(24 * HOUR - 60_000);
    const form = await revealPage(token).expect(200);
    t.clock.advance(60_000);
    await pressReveal(token, formTokenOf(form.text)).expect(410);
    const reveals = t.dataSource.getRepository(PasswordRevealEntity);
    expect(await reveals.findOneByOrFail({ userId: user.id })).toMatchObject({ revealedAt: null });
    expect((await reveals.findOneByOrFail({ userId: user.id })).sealedPassword).not.toBeNull();
    // Housekeeping wipes what can no longer be shown.
    await t.app.get(PasswordRevealHousekeeping).run();
    expect(await reveals.findOneByOrFail({ userId: user.id })).toMatchObject({ sealedPassword: null });
  });

  it('shows the password to exactly one of 10 simultaneous presses of "Reveal"', async () => {
    const { user } = await customer();
    await setPassword(user.id, { generate: true, newTicketSubject: 'Acceso' });
    const token = await revealTokenMailedTo(user.email);
    const formToken = formTokenOf((await revealPage(token)).text);
    const results = await Promise.all(Array.from({ length: 10 }, () => pressReveal(token, formToken)));
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(410)]);
    secrets.push(shownPassword(results.find((r) => r.status === 200)!.text));
  });

  it('delivers the mail once when the SMTP server was down for a while', async () => {
    const { user } = await customer();
    await sink.stop();
    try {
      await setPassword(user.id, { generate: true, newTicketSubject: 'Acceso' });
      // The password's mail and, apart, the notice of the change.
      expect(await worker.runOnce()).toBe(2);
      const [row] = await t.dataSource
        .getRepository(MailOutboxEntity)
        .findBy({ userId: user.id, template: 'new-password' });
      expect(row).toMatchObject({ status: 'retrying', attempts: 1 });
      expect(row.secrets).not.toBeNull();
    } finally {
      await sink.start();
    }
    t.clock.advance(30_000);
    await revealTokenMailedTo(user.email);
    t.clock.advance(HOUR);
    await deliver();
    expect(sink.to(user.email).filter((m) => REVEAL_LINK.test(m.text))).toHaveLength(1);
    const [row] = await t.dataSource
      .getRepository(MailOutboxEntity)
      .findBy({ userId: user.id, template: 'new-password' });
    expect(row).toMatchObject({ status: 'sent', secrets: null });
  });

  it('never shows an issued password or link in the audit trail, the Emails API, tickets or API answers', async () => {
    expect(secrets.length).toBeGreaterThan(8);
    const audit = JSON.stringify(await t.dataSource.getRepository(AuditEntryEntity).find());
    const outbox = await t.dataSource.getRepository(MailOutboxEntity).find();
    const messages = JSON.stringify(await t.dataSource.getRepository(TicketMessageEntity).find());
    const reveals = JSON.stringify(await t.dataSource.getRepository(PasswordRevealEntity).find());
    const emails = await agent.get('/api/emails').query({ range: '[0,499]' }).expect(200);
    const details = await Promise.all(
      (emails.body as Array<{ id: number }>).map((e) => agent.get(`/api/emails/${e.id}`).expect(200)),
    );
    const seen = [
      audit,
      JSON.stringify(outbox),
      messages,
      reveals,
      emails.text,
      ...details.map((d) => d.text),
      ...answers,
    ].join('\n');
    expect(details.some((d) => d.text.includes('[redacted]'))).toBe(true);
    for (const secret of secrets) expect(seen).not.toContain(secret);
  });
});
