import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ALL_PERMISSIONS, API_TOKEN_PERMISSIONS, ApiTokenResponse, Permission } from '@keydesk/domain';

import { createClient, uniqueRfc } from '../factories/client.factory';
import { addClientUser } from '../factories/user.factory';
import { signIn } from '../support/sign-in';
import { peerApp, startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

const DAY = 86_400_000;

/** One GET per permission that needs nothing but it: what a token holding only that may read. */
const READS: Partial<Record<Permission, string>> = {
  [Permission.ClientsView]: '/api/clients',
  [Permission.TicketsView]: '/api/tickets',
  [Permission.ActivityView]: '/api/activity/staff',
  [Permission.StaffManage]: '/api/staff',
};

/**
 * Tokens for integrations: made by an administrator and shown once, sent as a bearer token with
 * no CSRF token, held to their permissions route by route, refused what takes a person, named in
 * the trail with their maker, expired by the clock and revoked at once for every api process.
 */
describe.each(TEST_DATABASES)('API tokens on %s', (kind) => {
  let t: TestApp;
  let admin: request.Agent;
  let csrf: string;

  beforeAll(async () => {
    t = await startTestApp(kind, { LOG_LEVEL: 'debug' });
    admin = t.http();
    csrf = await signIn(admin, t.admin.username, t.admin.password);
  });
  afterAll(async () => {
    await t?.close();
  });

  const make = (body: Record<string, unknown>) =>
    admin
      .post('/api/api-tokens')
      .set('X-CSRF-Token', csrf)
      .set('Accept-Language', 'es')
      .send({ name: 'CRM', expiresAt: new Date(t.clock.nowMs() + 30 * DAY).toISOString(), ...body });
  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: Record<string, unknown> = {}) =>
      t.http().post(path).set('Authorization', `Bearer ${token}`).set('Accept-Language', 'es').send(body),
    put: (path: string, body: Record<string, unknown> = {}) =>
      t.http().put(path).set('Authorization', `Bearer ${token}`).set('Accept-Language', 'es').send(body),
  });

  it('is shown once, kept as a hash, and holds no permission that takes a person', async () => {
    const made = await make({ permissions: [Permission.ClientsView] }).expect(201);
    expect(made.body).toEqual({ id: expect.any(Number), token: expect.stringMatching(/^kd_[A-Za-z0-9_-]{32}$/) });
    const listed = (await admin.get('/api/api-tokens').expect(200)).body as ApiTokenResponse[];
    expect(listed[0]).toMatchObject({
      id: made.body.id,
      name: 'CRM',
      permissions: [Permission.ClientsView],
      prefix: made.body.token.slice(0, 8),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(made.body.token);
    expect(JSON.stringify(await t.dataSource.query('SELECT * FROM api_tokens'))).not.toContain(made.body.token);

    for (const permission of [Permission.UsersSetPassword, Permission.StaffManage, Permission.ApprovalsDecide]) {
      const refused = await make({ permissions: [Permission.ClientsView, permission] });
      expect(refused.status).toBe(400);
      expect(refused.body.errors.permissions).toContain(permission);
    }
    const late = await make({
      permissions: [Permission.ClientsView],
      expiresAt: new Date(t.clock.nowMs() + 366 * DAY).toISOString(),
    });
    expect(late.body.errors).toHaveProperty('expiresAt');
    const past = await make({
      permissions: [Permission.ClientsView],
      expiresAt: new Date(t.clock.nowMs() - DAY).toISOString(),
    });
    expect(past.body.errors).toHaveProperty('expiresAt');
    expect((await make({ permissions: ['clients.nothing'] })).status).toBe(400);
    expect(API_TOKEN_PERMISSIONS.length).toBe(ALL_PERMISSIONS.length - 3);
  });

  it('holds a token to its permissions route by route, with no CSRF token', async () => {
    for (const [permission, path] of Object.entries(READS)) {
      if (!API_TOKEN_PERMISSIONS.includes(permission as Permission)) continue;
      const { token } = (await make({ permissions: [permission] }).expect(201)).body;
      expect((await as(token).get(path)).status, `${permission} ${path}`).toBe(200);
      for (const [other, otherPath] of Object.entries(READS)) {
        if (other === permission) continue;
        const refused = await as(token).get(otherPath!);
        expect(refused.status, `${permission} reading ${otherPath}`).toBe(403);
        expect(refused.body.code).toBe('FORBIDDEN');
      }
    }
    const { token } = (await make({ permissions: [Permission.ClientsView, Permission.ClientsEdit] }).expect(201)).body;
    const created = await as(token).post('/api/clients', {
      clientKey: uniqueRfc(),
      companyName: 'Tokens S.A.',
      firstName: 'Ana',
      lastName: 'Bot',
      email: 'bot@tokens.example',
      phone: '+52 55 1111 2222',
      country: 'MX',
      language: 'es',
    });
    expect(created.status, created.text).toBe(201);
    const [entry] = await t.dataSource.query(
      "SELECT actor_name AS actorName, actor_type AS actorType FROM audit_log WHERE action = 'client.created' ORDER BY seq DESC",
    );
    expect(entry).toEqual({ actorType: 'staff', actorName: 'API token "CRM" (Administrator)' });
  });

  it('refuses to a token what takes a person: a step-up, a verified caller, a session', async () => {
    const client = await createClient(admin, csrf);
    const user = await addClientUser(admin, csrf, client.id);
    const { token } = (
      await make({
        permissions: [
          Permission.ClientsView,
          Permission.UsersManage,
          Permission.UsersSendResetEmail,
          Permission.SettingsManage,
        ],
      }).expect(201)
    ).body;
    const bot = as(token);
    await bot.put(`/api/users/${user.id}`, { firstName: 'Renombrada' }).expect(200);
    // A reset link takes a step-up, which a token cannot give.
    expect((await bot.post(`/api/users/${user.id}/password-reset-email`)).body.code).toBe('TOKEN_NOT_ALLOWED');
    const email = await bot.put(`/api/users/${user.id}`, { email: `nuevo.${user.email}` });
    expect(email.status).toBe(403);
    expect(email.body).toMatchObject({ code: 'TOKEN_NOT_ALLOWED' });
    expect(email.body.message).toMatch(/token de API/);
    expect((await bot.put('/api/settings/assurance', { verifiedCallerFor: [] })).body.code).toBe('TOKEN_NOT_ALLOWED');
    expect((await bot.get('/api/approvals')).body.code).toBe('TOKEN_NOT_ALLOWED');
    expect((await bot.get('/api/auth/session')).body.code).toBe('TOKEN_NOT_ALLOWED');
    expect((await bot.get(`/api/users/${user.id}`)).body.email).toBe(user.email);
    expect(
      (await t.http().get('/api/clients').set('Authorization', 'Bearer kd_not-a-real-token-at-all-123')).status,
    ).toBe(401);
    expect((await t.http().get('/api/clients').set('Authorization', 'Basic eDp5')).status).toBe(401);
  });

  it('stops at its expiry, and at once in every api process when revoked', async () => {
    const { id, token } = (await make({ permissions: [Permission.ClientsView] }).expect(201)).body;
    const peer = await peerApp(t);
    try {
      await peer.http().get('/api/clients').set('Authorization', `Bearer ${token}`).expect(200);
      await admin.delete(`/api/api-tokens/${id}`).set('X-CSRF-Token', csrf).expect(204);
      expect((await peer.http().get('/api/clients').set('Authorization', `Bearer ${token}`)).status).toBe(401);
      expect((await as(token).get('/api/clients')).status).toBe(401);
    } finally {
      await peer.close();
    }
    const listed = (await admin.get('/api/api-tokens').expect(200)).body as ApiTokenResponse[];
    expect(listed.find((row) => row.id === id)).toMatchObject({
      revokedAt: expect.any(String),
      lastUsedAt: expect.any(String),
    });

    const short = (
      await make({
        permissions: [Permission.ClientsView],
        expiresAt: new Date(t.clock.nowMs() + DAY).toISOString(),
      }).expect(201)
    ).body;
    await as(short.token).get('/api/clients').expect(200);
    t.clock.advance(DAY + 1);
    expect((await as(short.token).get('/api/clients')).status).toBe(401);
  });

  it('never writes a token to the logs or the activity log', async () => {
    const tokens = (await t.dataSource.query('SELECT id FROM api_tokens')) as unknown[];
    expect(tokens.length).toBeGreaterThan(3);
    const logs = JSON.stringify(t.logLines);
    const trail = JSON.stringify(await t.dataSource.query('SELECT * FROM audit_log'));
    expect(t.logLines.length).toBeGreaterThan(10);
    expect(logs).not.toMatch(/kd_[A-Za-z0-9_-]{20}/);
    expect(trail).not.toMatch(/kd_[A-Za-z0-9_-]{20}/);
  });
});
