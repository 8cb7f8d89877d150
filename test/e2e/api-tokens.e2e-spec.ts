import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ALL_PERMISSIONS, API_TOKEN_PERMISSIONS, ApiTokenResponse, Permission } from '@keydesk/domain';

import { createClient, uniqueRfc } from '../factories/client.factory';
import { createTicket } from '../factories/ticket.factory';
import { addClientUser } from '../factories/user.factory';
import { ControllerRoute, controllerRoutes } from '../support/controller-routes';
import { signIn } from '../support/sign-in';
import { peerApp, startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

const DAY = 86_400_000;

/** Open to anyone, a token or none: a new one is a decision, so it is named here. */
const PUBLIC_ROUTES = [
  'POST /api/auth/login',
  'GET /api/health',
  'POST /api/public/rescue-codes',
  'POST /api/public/rescue-codes/redeem',
];

/**
 * A person's session routes live under /api/auth and /api/me; these others are any signed-in staff
 * member's: asking for an approval and reading them, reading the assurance policy.
 */
const SESSION_ROUTES_ELSEWHERE = [
  'POST /api/approvals',
  'GET /api/approvals',
  'GET /api/approvals/:id',
  'GET /api/settings/assurance',
];

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

  describe('route by route', () => {
    let routes: ControllerRoute[];
    /**
     * How a path parameter is filled: after `clients/`, `users/` or `tickets/`, the test's own row
     * (so a token let through meets a real one, and may change it); anywhere else 1, found or not.
     */
    const ids: Record<string, number> = {};
    /** Tokens made once: each permission alone, all a token may hold but one, and all of them. */
    const only = new Map<Permission, string>();
    const without = new Map<Permission, string>();
    let every: string;

    beforeAll(async () => {
      routes = controllerRoutes(t.app).filter((route) => route.path.startsWith('/api/'));
      const client = await createClient(admin, csrf);
      ids.clients = client.id;
      ids.users = (await addClientUser(admin, csrf, client.id)).id;
      ids.tickets = (await createTicket(admin, csrf, client.id)).id;
      const tokenFor = async (permissions: readonly Permission[]) =>
        (await make({ permissions }).expect(201)).body.token as string;
      every = await tokenFor(API_TOKEN_PERMISSIONS);
      for (const permission of ALL_PERMISSIONS) {
        if (!API_TOKEN_PERMISSIONS.includes(permission)) {
          // No token may hold it: the token with all the others is `every`.
          without.set(permission, every);
          continue;
        }
        without.set(permission, await tokenFor(API_TOKEN_PERMISSIONS.filter((held) => held !== permission)));
        only.set(permission, await tokenFor([permission]));
      }
    });

    // The guards answer before validation, so an empty body does for every route; no CSRF token either.
    const call = (route: ControllerRoute, token: string) => {
      const path = route.path.replace(
        /([^/]+)\/:\w+/g,
        (_, collection: string) => `${collection}/${ids[collection] ?? 1}`,
      );
      const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch';
      const sent = t.http()[method](path).set('Authorization', `Bearer ${token}`);
      return method === 'get' ? sent : sent.send({});
    };
    const named = (route: ControllerRoute) => `${route.method} ${route.path}`;
    const answer = (response: request.Response) => `${response.status} ${response.body.code ?? ''}`.trim();
    const refused = (response: request.Response) => response.status === 401 || response.status === 403;

    it('refuses a permission route to a token without it, and only what takes a person to one with it', async () => {
      const wrong: string[] = [];
      for (const route of routes) {
        if (route.rule?.kind !== 'permission') continue;
        const { permission } = route.rule;
        // A route only a person may use refuses every token, before asking for the permission.
        const refusal = route.rule.personOnly ? '403 TOKEN_NOT_ALLOWED' : '403 FORBIDDEN';
        const lacking = await call(route, without.get(permission)!);
        if (answer(lacking) !== refusal) wrong.push(`${named(route)} without ${permission}: ${answer(lacking)}`);
        const holder = only.get(permission);
        if (!holder) continue;
        // Held, the permission lets the token past AccessGuard: the handler may still find no row
        // (404) or no valid body (400); a step-up, or verifying a caller, is a person's to give.
        const held = await call(route, holder);
        const personOnly = route.stepUp || route.rule.personOnly;
        const fine = personOnly ? answer(held) === '403 TOKEN_NOT_ALLOWED' : !refused(held) && held.status < 500;
        if (!fine) wrong.push(`${named(route)} with only ${permission}: ${answer(held)}`);
      }
      expect(wrong).toEqual([]);
      const permissions = new Set(routes.map((route) => route.rule?.kind === 'permission' && route.rule.permission));
      expect(ALL_PERMISSIONS.filter((permission) => !permissions.has(permission))).toEqual([]);
    });

    it("answers 403 TOKEN_NOT_ALLOWED on a person's own session routes, whatever the token holds", async () => {
      const wrong: string[] = [];
      for (const route of routes) {
        if (route.rule?.kind !== 'signed-in' && route.rule?.kind !== 'second-factor-step') continue;
        if (!/^\/api\/(auth|me)\//.test(route.path) && !SESSION_ROUTES_ELSEWHERE.includes(named(route)))
          wrong.push(`${named(route)} is a session route outside /api/auth and /api/me`);
        const response = await call(route, every);
        if (answer(response) !== '403 TOKEN_NOT_ALLOWED') wrong.push(`${named(route)}: ${answer(response)}`);
      }
      expect(wrong).toEqual([]);
    });

    it('changes nothing on the public routes', async () => {
      const open = routes.filter((route) => route.rule?.kind === 'public');
      expect(open.map(named).sort()).toEqual([...PUBLIC_ROUTES].sort());
      for (const route of open) {
        const response = await call(route, every);
        expect(refused(response) || response.status >= 500, `${named(route)}: ${answer(response)}`).toBe(false);
      }
    });

    it('passes by no route for want of a rule', () => {
      expect(routes.filter((route) => !route.rule).map(named)).toEqual([]);
    });
  });

  it('acts with no CSRF token, named in the trail with its maker', async () => {
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
