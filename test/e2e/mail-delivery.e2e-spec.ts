import { randomBytes } from 'node:crypto';

import type request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { EmailDetailResponse, EmailResponse } from '@keydesk/domain';

import { TransactionRunner } from '../../apps/api/src/database/transaction-runner';
import { MailOutboxEntity } from '../../apps/api/src/modules/emails/mail-outbox.entity';
import { MailOutboxRepository } from '../../apps/api/src/modules/emails/mail-outbox.repository';
import { MailWorker } from '../../apps/api/src/modules/emails/mail-worker';
import { CLAIM_MS } from '../../apps/api/src/modules/emails/retry-policy';
import { createClient } from '../factories/client.factory';
import { enqueueResetMail, outboxRow, queueReplyMail, secretResetUrl } from '../factories/mail.factory';
import { createStaff, CreatedStaff } from '../factories/staff.factory';
import { createTicket } from '../factories/ticket.factory';
import { signIn } from '../support/sign-in';
import { SmtpSink } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

describe.each(TEST_DATABASES)('mail delivery on %s', (kind) => {
  let sink: SmtpSink;
  let t: TestApp;
  let worker: MailWorker;
  let staff: CreatedStaff;
  let agent: request.Agent;
  let csrf: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    // No timer and no nudges: every delivery below is a runOnce() the test makes.
    t = await startTestApp(kind, { SMTP_URL: sink.url, MAIL_WORKER_INTERVAL_MS: '0' });
    worker = t.app.get(MailWorker);
    staff = await createStaff(t, 'Agent', { displayName: 'Paola Soporte' });
  });
  // The tests move the clock by hours: a fresh session each time.
  beforeEach(async () => {
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

  it('retries with backoff while the SMTP server is down and delivers once when it is back', async () => {
    const client = await createClient(agent, csrf);
    const ticket = await createTicket(agent, csrf, client.id);
    await sink.stop();
    try {
      await post(ticket.id, 'Te escribimos en cuanto el servidor vuelva.');
      expect(await worker.runOnce()).toBe(1);
      const [first] = await emails({ clientId: client.id });
      expect(first).toMatchObject({
        status: 'retrying',
        attempts: 1,
        nextAttemptAt: new Date(t.clock.nowMs() + 30_000).toISOString(),
      });
      expect(first.lastError).toMatch(/ECONNREFUSED/);
      expect(await worker.runOnce()).toBe(0);

      t.clock.advance(30_000);
      expect(await worker.runOnce()).toBe(1);
      expect(await email(first.id)).toMatchObject({
        status: 'retrying',
        attempts: 2,
        nextAttemptAt: new Date(t.clock.nowMs() + 60_000).toISOString(),
      });
    } finally {
      await sink.start();
    }
    t.clock.advance(59_000);
    expect(await worker.runOnce()).toBe(0);
    t.clock.advance(1_000);
    expect(await worker.runOnce()).toBe(1);
    expect((await emails({ clientId: client.id }))[0]).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    t.clock.advance(3_600_000);
    expect(await worker.runOnce()).toBe(0);
    expect(sink.to(client.email)).toHaveLength(1);
  });

  it('gives up after 8 attempts and wipes the secret of a mail it will never send', async () => {
    const to = `nadie-${randomBytes(3).toString('hex')}@example.test`;
    const queued = await enqueueResetMail(t, to, secretResetUrl());
    await sink.stop();
    try {
      for (let attempt = 1; attempt <= 8; attempt += 1) {
        expect(await worker.runOnce()).toBe(1);
        t.clock.advance(3_600_000);
      }
    } finally {
      await sink.start();
    }
    expect(await worker.runOnce()).toBe(0);
    expect(await outboxRow(t, queued.id)).toMatchObject({
      status: 'failed',
      attempts: 8,
      secrets: null,
      hasSecret: true,
    });
    expect(sink.to(to)).toEqual([]);
  });

  it('delivers each mail once when workers run at the same time', async () => {
    const to = `varios-${randomBytes(3).toString('hex')}@example.test`;
    const queued = await t.app.get(TransactionRunner).run(async (manager) => {
      const rows: MailOutboxEntity[] = [];
      for (let i = 0; i < 12; i += 1) rows.push(await queueReplyMail(t, manager, to, i));
      return rows;
    });
    const together = await Promise.all([worker.runOnce(), worker.runOnce(), worker.runOnce()]);
    let attempted = together.reduce((a, b) => a + b, 0);
    for (let more = await worker.runOnce(); more > 0; more = await worker.runOnce()) attempted += more;

    expect(attempted).toBe(12);
    const ids = sink
      .to(to)
      .map((mail) => mail.messageId)
      .sort();
    expect(ids).toEqual(queued.map((row) => `<keydesk-mail-${row.id}@localhost>`).sort());
  });

  it('takes over a mail whose worker died, once its claim has expired', async () => {
    const to = `relevo-${randomBytes(3).toString('hex')}@example.test`;
    const queued = await t.app.get(TransactionRunner).run((manager) => queueReplyMail(t, manager, to));
    const now = t.clock.nowMs();
    await t.app
      .get(TransactionRunner)
      .run((manager) =>
        t.app
          .get(MailOutboxRepository)
          .claimDue(manager, { now, until: now + CLAIM_MS, claimant: 'a-worker-that-crashed', limit: 100 }),
      );

    expect(await worker.runOnce()).toBe(0);
    t.clock.advance(CLAIM_MS);
    expect(await worker.runOnce()).toBe(1);
    expect(sink.to(to)).toHaveLength(1);
    expect(await outboxRow(t, queued.id)).toMatchObject({ status: 'sent', attempts: 2, claimedBy: null });
  });

  it('sends nothing when the action that queued the mail rolls back', async () => {
    const to = `revertido-${randomBytes(3).toString('hex')}@example.test`;
    await expect(
      t.app.get(TransactionRunner).run(async (manager) => {
        await queueReplyMail(t, manager, to);
        throw new Error('the action failed after queueing its mail');
      }),
    ).rejects.toThrow(/action failed/);

    expect(await worker.runOnce()).toBe(0);
    expect(await t.dataSource.getRepository(MailOutboxEntity).countBy({ recipient: to })).toBe(0);
  });
});
