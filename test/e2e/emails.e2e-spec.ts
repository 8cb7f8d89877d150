import { randomBytes } from 'node:crypto';

import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Permission, type EmailDetailResponse, type EmailResponse } from '@keydesk/domain';

import { MailWorker } from '../../apps/api/src/modules/emails/mail-worker';
import { createClient } from '../factories/client.factory';
import { enqueueResetMail, outboxRow, secretResetUrl } from '../factories/mail.factory';
import { createStaff, signInWithPermissions } from '../factories/staff.factory';
import { createTicket } from '../factories/ticket.factory';
import { addClientUser } from '../factories/user.factory';
import { signIn } from '../support/sign-in';
import { SmtpSink } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

describe.each(TEST_DATABASES)('emails on %s', (kind) => {
  let sink: SmtpSink;
  let t: TestApp;
  let worker: MailWorker;
  let agent: request.Agent;
  let csrf: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    // No timer and no nudges: every delivery below is a runOnce() the test makes.
    t = await startTestApp(kind, { SMTP_URL: sink.url, MAIL_WORKER_INTERVAL_MS: '0' });
    worker = t.app.get(MailWorker);
    const staff = await createStaff(t, 'Agent', { displayName: 'Paola Soporte' });
    agent = t.http();
    csrf = await signIn(agent, staff.username, staff.password);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const post = (ticketId: number, body: string, internal = false) =>
    agent.post(`/api/tickets/${ticketId}/messages`).set('X-CSRF-Token', csrf).send({ body, internal }).expect(201);
  const emails = async (filter: Record<string, unknown>) =>
    (
      await agent
        .get('/api/emails')
        .query({ filter: JSON.stringify(filter) })
        .expect(200)
    ).body as EmailResponse[];
  const email = async (id: number) => (await agent.get(`/api/emails/${id}`).expect(200)).body as EmailDetailResponse;

  it("mails a public reply once, to the ticket's user in the client's language; an internal note sends nothing", async () => {
    const client = await createClient(agent, csrf, { language: 'en' });
    const user = await addClientUser(agent, csrf, client.id, { firstName: 'Rosa', lastName: 'Méndez' });
    const ticket = await createTicket(agent, csrf, client.id, { userId: user.id, subject: 'Cannot sign in' });

    await post(ticket.id, 'Check the RFC before answering.', true);
    expect(await worker.runOnce()).toBe(0);
    expect(await emails({ clientId: client.id })).toEqual([]);

    await post(ticket.id, 'Done: please check your inbox.\nRegards.');
    const [queued] = await emails({ clientId: client.id });
    expect(queued).toMatchObject({
      clientId: client.id,
      userId: user.id,
      ticketId: ticket.id,
      to: user.email,
      template: 'ticket-reply',
      status: 'queued',
      attempts: 0,
      subject: `Reply to your ticket #${ticket.id}: Cannot sign in`,
      hasSecret: false,
      sentAt: null,
    });
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0);

    const [mail] = sink.to(user.email);
    expect(sink.to(user.email)).toHaveLength(1);
    expect(mail).toMatchObject({
      from: 'Keydesk <no-reply@localhost>',
      to: user.email,
      subject: `Reply to your ticket #${ticket.id}: Cannot sign in`,
      messageId: `<keydesk-mail-${queued.id}@localhost>`,
    });
    expect(mail.text).toContain('Hello Rosa Méndez,');
    expect(mail.text).toContain('Paola Soporte replied to your ticket');
    expect(mail.text).toContain('Done: please check your inbox.\nRegards.');
    expect(mail.text).not.toContain('Check the RFC');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain('href="http://localhost:3000/account/login"');

    const sent = await email(queued.id);
    expect(sent).toMatchObject({
      status: 'sent',
      attempts: 1,
      lastError: null,
      nextAttemptAt: null,
      sentAt: t.clock.now().toISOString(),
    });
    expect(sent.text).toBe(mail.text);
    const log = (await agent.get(`/api/clients/${client.id}/activity`)).body;
    // The client's timeline shows the mail going out after the reply that caused it.
    expect(log[0]).toMatchObject({
      action: 'email.sent',
      actorType: 'system',
      subjectType: 'user',
      subjectName: expect.stringMatching(/\S/),
      details: { emailId: queued.id, template: 'ticket-reply' },
    });
    expect(log[1]).toMatchObject({ action: 'ticket.replied', details: { emailId: queued.id } });
  });

  it("mails the client's primary address in Spanish when the ticket has no user", async () => {
    const client = await createClient(agent, csrf, { language: 'es', firstName: 'Laura', lastName: 'Gómez' });
    const ticket = await createTicket(agent, csrf, client.id, { subject: 'No puedo entrar' });
    await post(ticket.id, 'Listo: revisa tu correo.');
    await worker.runOnce();

    const [mail] = await sink.waitFor(1, client.email);
    expect(mail.subject).toBe(`Respuesta a tu ticket #${ticket.id}: No puedo entrar`);
    expect(mail.text).toContain('Hola, Laura Gómez:');
    expect(mail.text).toContain('Listo: revisa tu correo.');
    expect((await emails({ clientId: client.id }))[0]).toMatchObject({
      userId: null,
      to: client.email,
      status: 'sent',
    });
  });

  it('keeps a secret sealed until delivery, sends the real value, wipes it, and shows staff only "[redacted]"', async () => {
    const client = await createClient(agent, csrf);
    const to = `ana-${randomBytes(3).toString('hex')}@example.test`;
    const resetUrl = secretResetUrl();
    const token = resetUrl.split('/').pop()!;
    const queued = await enqueueResetMail(t, to, resetUrl, { clientId: client.id });

    const stored = await outboxRow(t, queued.id);
    expect(stored.secrets).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toContain(token);
    const before = await email(queued.id);
    expect(before).toMatchObject({ hasSecret: true, status: 'queued', subject: 'Restablece tu contraseña' });
    expect(before.text).toContain('[redacted]');
    expect(before.html).toContain('href="[redacted]"');

    await worker.runOnce();
    const [mail] = sink.to(to);
    expect(mail.text).toContain(resetUrl);
    expect(mail.html).toContain(`href="${resetUrl}"`);
    expect(await outboxRow(t, queued.id)).toMatchObject({ status: 'sent', secrets: null, hasSecret: true });

    const responses = [
      await agent.get(`/api/emails/${queued.id}`),
      await agent.get('/api/emails').query({ filter: JSON.stringify({ clientId: client.id }) }),
      await agent.get(`/api/clients/${client.id}/activity`),
    ];
    for (const response of responses) expect(JSON.stringify(response.body)).not.toContain(token);
    expect((await email(queued.id)).text).toContain('[redacted]');
    expect(JSON.stringify(await t.dataSource.query('SELECT * FROM audit_log'))).not.toContain(token);
    expect(JSON.stringify(await t.dataSource.query('SELECT * FROM mail_outbox'))).not.toContain(token);
  });

  it('resends a mail without a secret as a new, audited copy, and refuses one with a secret (409)', async () => {
    const client = await createClient(agent, csrf);
    const ticket = await createTicket(agent, csrf, client.id);
    await post(ticket.id, 'Te reenviamos esta respuesta.');
    await worker.runOnce();
    const [original] = await emails({ clientId: client.id });

    const resent = await agent.post(`/api/emails/${original.id}/resend`).set('X-CSRF-Token', csrf);
    expect(resent.status).toBe(201);
    expect(resent.body).toMatchObject({
      to: client.email,
      template: 'ticket-reply',
      status: 'queued',
      subject: original.subject,
      ticketId: ticket.id,
    });
    expect(resent.body.id).toBeGreaterThan(original.id);
    await worker.runOnce();
    const copies = sink.to(client.email);
    expect(copies.map((mail) => mail.subject)).toEqual([original.subject, original.subject]);
    expect(new Set(copies.map((mail) => mail.messageId)).size).toBe(2);
    expect((await agent.get(`/api/clients/${client.id}/activity`)).body[1]).toMatchObject({
      action: 'email.resent',
      subjectType: 'email',
      subjectId: String(resent.body.id),
      details: { emailId: resent.body.id, resentFromId: original.id, template: 'ticket-reply', to: client.email },
    });

    const secret = await enqueueResetMail(
      t,
      `con-secreto-${randomBytes(3).toString('hex')}@example.test`,
      secretResetUrl(),
      { clientId: client.id },
    );
    const refused = await agent
      .post(`/api/emails/${secret.id}/resend`)
      .set('X-CSRF-Token', csrf)
      .set('Accept-Language', 'es');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'MAIL_HAS_SECRET',
      message: expect.stringContaining('no se puede reenviar'),
    });
    await worker.runOnce();
    expect((await agent.post(`/api/emails/${secret.id}/resend`).set('X-CSRF-Token', csrf)).status).toBe(409);
  });

  it('lists by client, user and status, newest first, with Content-Range; 400 on bad filters, 404 on unknown mails', async () => {
    const client = await createClient(agent, csrf);
    const user = await addClientUser(agent, csrf, client.id);
    const withUser = await createTicket(agent, csrf, client.id, { userId: user.id });
    const withoutUser = await createTicket(agent, csrf, client.id);
    await post(withUser.id, 'Uno.');
    await post(withoutUser.id, 'Dos.');
    await worker.runOnce();
    await post(withoutUser.id, 'Tres.');

    const all = await agent.get('/api/emails').query({ filter: JSON.stringify({ clientId: client.id }) });
    expect(all.headers['content-range']).toBe('emails 0-2/3');
    const ids = (all.body as EmailResponse[]).map((row) => row.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect((await emails({ userId: user.id })).map((row) => row.to)).toEqual([user.email]);
    expect(await emails({ clientId: client.id, status: 'queued' })).toHaveLength(1);
    expect(await emails({ clientId: client.id, status: ['sent', 'failed'] })).toHaveLength(2);
    expect(await emails({ ticketId: withoutUser.id })).toHaveLength(2);
    const oldest = await agent
      .get('/api/emails')
      .query({ filter: JSON.stringify({ clientId: client.id }), sort: '["id","ASC"]', range: '[0,0]' });
    expect(oldest.body[0].id).toBe(Math.min(...ids));
    expect(oldest.body[0]).not.toHaveProperty('text');

    const bad = await agent.get('/api/emails').query({ filter: JSON.stringify({ status: 'lost', clientId: 'x' }) });
    expect(bad.status).toBe(400);
    expect((await agent.get('/api/emails').query({ sort: '["subject","ASC"]' })).status).toBe(400);
    expect((await agent.get('/api/emails/999999')).status).toBe(404);
    expect((await agent.get('/api/emails/999999')).body.message).toBe('The email you asked for does not exist.');
    expect((await agent.post('/api/emails/999999/resend').set('X-CSRF-Token', csrf)).status).toBe(404);
    await worker.runOnce();
  });

  it('answers 401 anonymously and 403 without clients.view (to read) or clients.edit (to resend)', async () => {
    const mail = await enqueueResetMail(t, `acceso-${randomBytes(3).toString('hex')}@example.test`, secretResetUrl());
    expect((await t.http().get('/api/emails')).status).toBe(401);
    const ticketsOnly = await signInWithPermissions(t, [Permission.TicketsView]);
    expect((await ticketsOnly.agent.get('/api/emails')).status).toBe(403);
    expect((await ticketsOnly.agent.get(`/api/emails/${mail.id}`)).status).toBe(403);
    const viewer = await signInWithPermissions(t, [Permission.ClientsView]);
    expect((await viewer.agent.get(`/api/emails/${mail.id}`)).status).toBe(200);
    const refused = await viewer.agent.post(`/api/emails/${mail.id}/resend`).set('X-CSRF-Token', viewer.csrf);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect((await agent.post(`/api/emails/${mail.id}/resend`)).status).toBe(403);
  });
});
