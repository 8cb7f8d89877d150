import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { WebhookDeliveryResponse, WebhookEvent } from '@keydesk/domain';

import { TransactionRunner } from '../../apps/api/src/database/transaction-runner';
import { WebhookOutbox } from '../../apps/api/src/modules/webhooks/webhook-outbox';
import { WebhookWorker } from '../../apps/api/src/modules/webhooks/webhook-worker';
import { createStaff } from '../factories/staff.factory';
import { approvedRequest } from '../support/assurance';
import { CustomerWorld, REPORT_LINK } from '../support/customer-world';
import { webhookProblem } from '../support/response-validation';
import { signIn } from '../support/sign-in';
import { peerApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

interface Received {
  id: string;
  timestamp: string;
  body: string;
  signatureValid: boolean;
  /** How the delivery breaks the OpenAPI document's webhooks, if it does. */
  undescribed: string | undefined;
}

/**
 * A receiver in the test process, checking each request's signature as the Standard Webhooks
 * specification says (HMAC-SHA256 of "id.timestamp.body" under the base64 secret after "whsec_"),
 * written here apart from the api's own code. `answer` picks the status it gives.
 */
class Receiver {
  readonly received: Received[] = [];
  secret = '';
  answer = 204;
  private readonly server: Server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const id = String(request.headers['webhook-id']);
      const timestamp = String(request.headers['webhook-timestamp']);
      const expected = createHmac('sha256', Buffer.from(this.secret.slice('whsec_'.length), 'base64'))
        .update(`${id}.${timestamp}.${body}`)
        .digest();
      const given = Buffer.from(String(request.headers['webhook-signature'] ?? '').replace(/^v1,/, ''), 'base64');
      const signatureValid = given.length === expected.length && timingSafeEqual(given, expected);
      const undescribed = webhookProblem(request.headers, body);
      if (this.answer < 300) this.received.push({ id, timestamp, body, signatureValid, undescribed });
      response.writeHead(this.answer).end();
    });
  });

  static async start(): Promise<Receiver> {
    const receiver = new Receiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  events(type: WebhookEvent): Array<Record<string, unknown>> {
    return this.received
      .map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> })
      .filter((p) => p.type === type)
      .map((p) => p.data);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/**
 * Events for integrations: queued in the action's transaction, signed, delivered once, retried
 * while the receiver is down, listed with their attempts, sent again on request; two api
 * processes deliver a thousand with no duplicate.
 */
describe.each(TEST_DATABASES)('webhooks on %s', (kind) => {
  let world: CustomerWorld;
  let t: TestApp;
  let receiver: Receiver;
  let webhookId: number;
  let worker: WebhookWorker;

  beforeAll(async () => {
    world = await CustomerWorld.start(kind, { WEBHOOK_WORKER_INTERVAL_MS: '0' });
    t = world.t;
    worker = t.app.get(WebhookWorker);
    receiver = await Receiver.start();
  });
  afterAll(async () => {
    await world?.close();
    await receiver?.stop();
  });

  const deliverAll = async (w = worker) => {
    let total = 0;
    for (let n = await w.runOnce(); n > 0; n = await w.runOnce()) total += n;
    return total;
  };
  const deliveries = async () =>
    (await world.admin.get(`/api/webhooks/${webhookId}/deliveries`).query({ range: '[0,99]' }).expect(200))
      .body as WebhookDeliveryResponse[];

  it('registers a receiver with its events, and answers its secret once', async () => {
    const bad = await world.admin
      .post('/api/webhooks')
      .set('X-CSRF-Token', world.csrf)
      .send({ url: 'ftp://example.test/x', events: ['password_reset.sent'] });
    expect(bad.status).toBe(400);
    expect(
      (
        await world.admin
          .post('/api/webhooks')
          .set('X-CSRF-Token', world.csrf)
          .send({ url: receiver.url, events: ['user.nothing'] })
      ).status,
    ).toBe(400);
    const made = await world.admin
      .post('/api/webhooks')
      .set('X-CSRF-Token', world.csrf)
      .send({ url: receiver.url, events: Object.values(WebhookEvent) })
      .expect(201);
    expect(made.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    receiver.secret = made.body.secret;
    webhookId = made.body.id;
    const listed = await world.admin.get('/api/webhooks').query({ range: '[0,9]' }).expect(200);
    expect(listed.body).toEqual([expect.objectContaining({ id: webhookId, url: receiver.url })]);
    expect(listed.headers['content-range']).toBe('webhooks 0-0/1');
    expect((await world.admin.get(`/api/webhooks/${webhookId}`).expect(200)).body).toMatchObject({
      id: webhookId,
      events: Object.values(WebhookEvent),
    });
    expect((await world.admin.get('/api/webhooks/999999')).status).toBe(404);
    expect(JSON.stringify(listed.body)).not.toContain(made.body.secret);
    expect(JSON.stringify(await t.dataSource.query('SELECT * FROM webhooks'))).not.toContain(made.body.secret);
  });

  it('signs and delivers each event once, with ids and names and never a secret', async () => {
    const c = await world.customer();
    const resetToken = await world.resetLink(c);
    await world.admin
      .post(`/api/users/${c.user.id}/password`)
      .set('X-CSRF-Token', world.csrf)
      .send({ generate: true, newTicketSubject: 'Acceso' })
      .expect(201);
    const sofia = await createStaff(t, 'Supervisor');
    const decider = { agent: t.http(), csrf: '' };
    decider.csrf = await signIn(decider.agent, sofia.username, sofia.password);
    await approvedRequest({ agent: world.admin, csrf: world.csrf }, decider, {
      action: 'user.email_change',
      userId: c.user.id,
    });
    const report = await world.lastMatch(c.user.email, REPORT_LINK);
    const page = await t.http().get(`/account/report/${report}`).expect(200);
    const formToken = /name="formToken" value="([^"]+)"/.exec(page.text)![1];
    await t.http().post(`/account/report/${report}`).type('form').send({ formToken }).expect(200);

    expect(await deliverAll()).toBe(5);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    expect(receiver.received.map((r) => r.undescribed).filter(Boolean)).toEqual([]);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(5);
    expect(receiver.events(WebhookEvent.PasswordResetSent)).toEqual([
      expect.objectContaining({ userId: c.user.id, userName: 'Rosa Méndez', clientId: c.client.id }),
    ]);
    expect(receiver.events(WebhookEvent.PasswordTemporarySet)).toHaveLength(1);
    expect(receiver.events(WebhookEvent.ApprovalRequested)).toHaveLength(1);
    expect(receiver.events(WebhookEvent.ApprovalDecided)).toEqual([expect.objectContaining({ decision: 'approve' })]);
    expect(receiver.events(WebhookEvent.UserLocked)).toEqual([expect.objectContaining({ userId: c.user.id })]);
    const bodies = receiver.received.map((r) => r.body).join('\n');
    expect(bodies).not.toContain(resetToken);
    expect(bodies).not.toContain(report);
    expect(bodies).not.toMatch(/password"|secret|token/i);
    expect(await deliverAll()).toBe(0);
  });

  it('keeps trying while the receiver is down, delivers once it is back, and sends again on request', async () => {
    receiver.received.length = 0;
    receiver.answer = 503;
    const c = await world.customer();
    await world.resetLink(c);
    expect(await deliverAll()).toBe(1);
    t.clock.advance(31_000);
    expect(await deliverAll()).toBe(1);
    const [waiting] = await deliveries();
    expect(waiting).toMatchObject({
      status: 'pending',
      event: 'password_reset.sent',
      attempts: [expect.objectContaining({ status: 503, error: 'HTTP 503' }), expect.objectContaining({ status: 503 })],
    });
    receiver.answer = 200;
    expect(await deliverAll()).toBe(0); // not due yet: the second delay is a minute
    t.clock.advance(61_000);
    expect(await deliverAll()).toBe(1);
    expect(receiver.received.map((r) => r.id)).toEqual([waiting.messageId]);
    const [delivered] = await deliveries();
    expect(delivered).toMatchObject({ status: 'delivered', deliveredAt: expect.any(String) });
    expect(delivered.attempts.at(-1)).toMatchObject({ status: 200, error: null });

    await world.admin
      .post(`/api/webhooks/${webhookId}/deliveries/${delivered.id}/retry`)
      .set('X-CSRF-Token', world.csrf)
      .expect(200);
    expect(await deliverAll()).toBe(1);
    expect(receiver.received.map((r) => r.id)).toEqual([waiting.messageId, waiting.messageId]);
  });

  it('delivers a thousand events across two api processes, none twice', async () => {
    receiver.received.length = 0;
    await t.app.get(TransactionRunner).run(async (manager) => {
      for (let i = 0; i < 1000; i += 1)
        await t.app.get(WebhookOutbox).emit(manager, WebhookEvent.ApprovalRequested, { approvalId: i });
    });
    // On MariaDB a second process with its own pool; SQLite is one process's file, so two workers of it.
    const peer = kind === 'mariadb' ? await peerApp(t) : null;
    try {
      const other = peer ? peer.app.get(WebhookWorker) : worker;
      const [mine, theirs] = await Promise.all([deliverAll(), deliverAll(other)]);
      expect(mine + theirs).toBe(1000);
      if (peer) expect(mine > 0 && theirs > 0).toBe(true);
    } finally {
      await peer?.close();
    }
    const ids = receiver.received.map((r) => r.id);
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
  });
});
