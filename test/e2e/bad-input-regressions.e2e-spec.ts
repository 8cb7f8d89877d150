import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ActivityAction, ActorType, SubjectType } from '@keydesk/domain';

import { TransactionRunner } from '../../apps/api/src/database/transaction-runner';
import { AuditService } from '../../apps/api/src/modules/audit/audit.service';
import { createClient } from '../factories/client.factory';
import { createStaff } from '../factories/staff.factory';
import { signIn } from '../support/sign-in';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

/**
 * The eight causes of a 500 that a hostile client found, each by its own request: every one now a
 * 4xx in the caller's language that changes nothing, with no stack trace and no secret in the log.
 */
describe.each(TEST_DATABASES)('bad input that once answered 500, on %s', (kind) => {
  let t: TestApp;
  let admin: request.Agent;
  let csrf: string;
  let clientId: number;

  beforeAll(async () => {
    t = await startTestApp(kind, { LOG_LEVEL: 'info' });
    admin = t.http();
    csrf = await signIn(admin, t.admin.username, t.admin.password);
    clientId = (await createClient(admin, csrf)).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A JSON body as raw text: JSON.stringify would escape what these tests need to send as is. */
  const rawJson = (call: request.Test, text: string) => call.set('Content-Type', 'application/json').send(text);
  const chainVerifies = async () =>
    expect((await admin.get('/api/activity/verify').expect(200)).body).toMatchObject({ ok: true });

  it('1. refuses a lone surrogate per field, and the chain verifies what is stored', async () => {
    const before = (await admin.get(`/api/clients/${clientId}`)).body;
    const put = (text: string) =>
      rawJson(admin.put(`/api/clients/${clientId}`).set('X-CSRF-Token', csrf).set('Accept-Language', 'es'), text);
    const refused = await put('{"companyName":"\\ud800Barra Rara SA"}');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: { companyName: expect.stringMatching(/sustituto UTF-16 suelto/) },
    });
    expect((await admin.get(`/api/clients/${clientId}`)).body).toEqual(before);
    // A well-formed pair (an emoji) is text like any other.
    await put('{"companyName":"Barra Rara \\ud83d\\ude00 SA"}').expect(200);
    // Text that reaches the trail by another road is signed as it is stored.
    await t.app.get(TransactionRunner).run((manager) =>
      t.app.get(AuditService).record(manager, {
        actor: { type: ActorType.Staff, id: 1, name: 'Ana \ud800' },
        action: ActivityAction.ClientUpdated,
        subject: { type: SubjectType.Client, id: clientId, name: `${'x'.repeat(254)}😀` },
      }),
    );
    await chainVerifies();
  });

  it('2. refuses JSON nested 5,000 deep, anonymous, on every kind of route', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    for (const path of ['/api/public/rescue-codes', '/api/public/rescue-codes/redeem', '/api/auth/login']) {
      const response = await rawJson(t.http().post(path), deep);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual({ body: 'Is nested more than 32 levels deep.' });
    }
    const nested = `{"clientKey":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)},"username":"admin"}`;
    expect((await rawJson(t.http().post('/api/public/rescue-codes'), nested)).body.errors).toHaveProperty('clientKey');
  });

  it('3. answers 415 to a charset or encoding the body parser does not read, in JSON or as a page', async () => {
    const latin1 = await t
      .http()
      .post('/api/public/rescue-codes')
      .set('Content-Type', 'application/json; charset=latin1')
      .send('{}');
    expect(latin1.status).toBe(415);
    expect(latin1.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const encoded = await rawJson(
      admin.post('/api/tickets').set('X-CSRF-Token', csrf).set('Content-Encoding', 'x-unknown'),
      '{}',
    );
    expect(encoded.status).toBe(415);
    const form = await t
      .http()
      .post('/account/login')
      .set('Accept-Language', 'es')
      .set('Content-Type', 'application/x-www-form-urlencoded; charset=foo')
      .send('email=a%40b.test&password=x');
    expect(form.status).toBe(415);
    expect(form.headers['content-type']).toMatch(/text\/html/);
    expect(form.text).toContain('<html lang="es">');
    expect(form.text).toContain('No pudimos leer esta solicitud');
  });

  it('4. keeps a reset token out of the log when its form is refused', async () => {
    const token = 'LiveResetToken0123456789abcdefABCDEF';
    await t
      .http()
      .post(`/account/password/reset/${token}`)
      .set('Content-Type', 'application/x-www-form-urlencoded; charset=foo')
      .send('password=x')
      .expect(415);
    await t
      .http()
      .post(`/account/password/reset/${token}?password=hunter2`)
      .set('Content-Encoding', 'x-unknown')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('password=x')
      .expect(415);
    const logged = JSON.stringify(t.logLines);
    expect(logged).toContain('/account/password/reset/[redacted]');
    expect(logged).not.toContain(token);
    expect(logged).not.toContain('hunter2');
  });

  it('5. refuses a lone surrogate in an email as an invalid field', async () => {
    const response = await rawJson(
      admin.post(`/api/clients/${clientId}/contacts`).set('X-CSRF-Token', csrf),
      '{"firstName":"Ana","lastName":"Fz","email":"\\ud83dana@example.test"}',
    );
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.errors)).toEqual(['email']);
    expect((await admin.get(`/api/clients/${clientId}/contacts`)).body).toEqual([]);
  });

  it('6. refuses a range past the safe integers', async () => {
    for (const range of ['[1e308,1e308]', '[0,1e308]', '[9007199254740992,9007199254740993]']) {
      const response = await admin.get('/api/clients').query({ range });
      expect(response.status).toBe(400);
      expect(response.body.errors).toHaveProperty('range');
    }
  });

  it('7. refuses null for a staff member field that cannot be empty', async () => {
    const staff = await createStaff(t, 'Agent');
    const before = (await admin.get(`/api/staff/${staff.id}`)).body;
    for (const [field, message] of [
      ['email', 'Must be a valid email address.'],
      ['displayName', 'Must be text.'],
      ['roleIds', 'Must be a list.'],
      ['status', 'Must be one of: active, disabled.'],
    ]) {
      const response = await admin
        .put(`/api/staff/${staff.id}`)
        .set('X-CSRF-Token', csrf)
        .send({ [field]: null });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual({ [field]: message });
    }
    expect((await admin.get(`/api/staff/${staff.id}`)).body).toEqual(before);
  });

  it('8. refuses an object where sign-in expects a string, anonymous', async () => {
    const cases: [unknown, string][] = [
      [{ constructor: 1 }, 'username.constructor'],
      [{ a: 1 }, 'username'],
      [['admin'], 'username'],
      [42, 'username'],
    ];
    for (const [username, field] of cases) {
      const response = await t.http().post('/api/auth/login').send({ username, password: 'x' });
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.errors)).toEqual([field]);
    }
  });

  it('reads a path id strictly: "0x1", "1e0" and " 1" are not the id 1', async () => {
    for (const id of ['0x1', '1e0', '%201', '1.0', '+1']) {
      const response = await admin.get(`/api/staff/${id}`);
      expect(response.status, id).toBe(400);
    }
    await admin.get('/api/staff/1').expect(200);
  });

  it('logged no stack trace and no unhandled error for any of these', async () => {
    await chainVerifies();
    expect(t.logLines.filter((line) => line.level >= 50)).toEqual([]);
    expect(JSON.stringify(t.logLines)).not.toMatch(/"stack"|Unhandled error/);
  });
});
