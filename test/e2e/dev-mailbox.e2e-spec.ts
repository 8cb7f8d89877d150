import { randomBytes } from 'node:crypto';

import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { EmailResponse } from '@keydesk/domain';

import { MailWorker } from '../../apps/api/src/modules/emails/mail-worker';
import { createClient } from '../factories/client.factory';
import { enqueueResetMail, outboxRow, secretResetUrl } from '../factories/mail.factory';
import { createStaff } from '../factories/staff.factory';
import { createTicket } from '../factories/ticket.factory';
import { signIn } from '../support/sign-in';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

describe.each(TEST_DATABASES)('the development mailbox on %s', (kind) => {
  let t: TestApp;
  let agent: request.Agent;
  let csrf: string;

  beforeAll(async () => {
    // The newcomer's default: no SMTP_URL, the worker on its timer and woken by each commit.
    t = await startTestApp(kind);
    const staff = await createStaff(t, 'Agent');
    agent = t.http();
    csrf = await signIn(agent, staff.username, staff.password);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('receives a reply right after the commit and shows it at /dev/mailbox to signed-in staff only', async () => {
    const client = await createClient(agent, csrf, { companyName: 'Tlapalería <La Esquina>' });
    const ticket = await createTicket(agent, csrf, client.id, { subject: 'No puedo entrar & no sé por qué' });
    await agent
      .post(`/api/tickets/${ticket.id}/messages`)
      .set('X-CSRF-Token', csrf)
      .send({ body: 'Listo.' })
      .expect(201);
    await t.app.get(MailWorker).settled();

    const [sent] = (await agent.get('/api/emails').query({ filter: JSON.stringify({ clientId: client.id }) }))
      .body as EmailResponse[];
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    expect((await t.http().get('/dev/mailbox')).status).toBe(401);
    const list = await agent.get('/dev/mailbox').set('Accept', 'text/html');
    expect(list.status).toBe(200);
    expect(list.headers['content-type']).toMatch(/^text\/html/);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.headers['referrer-policy']).toBe('no-referrer');
    expect(list.text).toContain('<html lang="en">');
    expect(list.text).toContain(`Respuesta a tu ticket #${ticket.id}: No puedo entrar &#38; no sé por qué`);
    const id = /href="\/dev\/mailbox\/(\d+)"/.exec(list.text)![1];
    const message = await agent.get(`/dev/mailbox/${id}`);
    expect(message.text).toContain(client.email);
    expect(message.text).toContain('<a href="http://localhost:3000/account/login">');
    expect(message.text).toContain(
      `<iframe title="The HTML version of the message" sandbox src="/dev/mailbox/${id}/html">`,
    );
    const html = await agent.get(`/dev/mailbox/${id}/html`);
    expect(html.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    expect(html.text).toContain('Tlapalería &lt;La Esquina&gt;');
    expect((await agent.get('/dev/mailbox/999999')).status).toBe(404);
  });

  it('shows the secrets it received, which is its purpose, while the outbox wipes them', async () => {
    const resetUrl = secretResetUrl();
    const queued = await enqueueResetMail(t, 'recien-llegada@example.test', resetUrl);
    await t.app.get(MailWorker).settled();

    expect(await outboxRow(t, queued.id)).toMatchObject({ status: 'sent', secrets: null });
    const list = await agent.get('/dev/mailbox');
    const id = /href="\/dev\/mailbox\/(\d+)"/.exec(list.text)![1];
    expect((await agent.get(`/dev/mailbox/${id}`)).text).toContain(`<a href="${resetUrl}">`);
    expect((await agent.get(`/api/emails/${queued.id}`)).body.text).not.toContain(resetUrl);
  });

  it('does not exist in production', async () => {
    const key = () => randomBytes(32).toString('hex');
    const production = await startTestApp(kind, {
      NODE_ENV: 'production',
      AUDIT_HMAC_KEY: key(),
      SESSION_SECRET: key(),
      MAIL_ENCRYPTION_KEY: key(),
      SMTP_URL: 'smtp://127.0.0.1:9',
      // Production requires a second factor by default; this test is about the mailbox.
      STAFF_TWO_FACTOR: 'optional',
    });
    try {
      const admin = production.http();
      await signIn(admin, production.admin.username, production.admin.password);
      const refused = await admin.get('/dev/mailbox');
      expect(refused.status).toBe(404);
      expect(refused.body.code).toBe('NOT_FOUND');
    } finally {
      await production.close();
    }
  });
});
