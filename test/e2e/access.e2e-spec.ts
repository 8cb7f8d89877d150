import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createStaff } from '../factories/staff.factory';
import { controllerRoutes } from '../support/controller-routes';
import { signIn } from '../support/sign-in';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

describe.each(TEST_DATABASES)('access control on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has an access rule on every route of every controller', () => {
    const routes = controllerRoutes(t.app);
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((route) => !route.rule).map((route) => `${route.name} ${route.path}`)).toEqual([]);
  });

  it('answers 401 to anonymous requests on protected routes', async () => {
    for (const path of ['/api/staff', '/api/roles', '/api/auth/session']) {
      const response = await t.http().get(path).set('Accept-Language', 'es');
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ code: 'NOT_AUTHENTICATED', message: 'No has iniciado sesión.' });
    }
    expect((await t.http().get('/api/health')).body).toEqual({ status: 'ok', database: 'up' });
  });

  it('refuses a state-changing request without the session CSRF token', async () => {
    const agent = t.http();
    const csrf = await signIn(agent, t.admin.username, t.admin.password);
    const body = { name: 'Billing', description: '', permissions: ['clients.view'] };
    const missing = await agent.post('/api/roles').send(body);
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await agent
      .post('/api/roles')
      .set(
        'X-CSRF-Token',
        csrf.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      )
      .send(body);
    expect(wrong.status).toBe(403);
    // Another session's token is no good either.
    const other = t.http();
    const otherToken = await signIn(other, t.admin.username, t.admin.password);
    expect((await agent.post('/api/roles').set('X-CSRF-Token', otherToken).send(body)).status).toBe(403);
    expect((await agent.post('/api/auth/logout')).status).toBe(403);
    const roles = await agent.get('/api/roles');
    expect((roles.body as Array<{ name: string }>).map((r) => r.name)).not.toContain('Billing');
    expect((await agent.post('/api/roles').set('X-CSRF-Token', csrf).send(body)).status).toBe(201);
  });

  it('answers 403 when the staff member lacks the permission, in the caller language', async () => {
    const agentStaff = await createStaff(t, 'Agent');
    const agent = t.http();
    const csrf = await signIn(agent, agentStaff.username, agentStaff.password);
    const list = await agent.get('/api/staff').set('Accept-Language', 'es');
    expect(list.status).toBe(403);
    expect(list.body).toEqual({
      statusCode: 403,
      code: 'FORBIDDEN',
      message: 'No tienes permiso para hacer esto (staff.manage).',
    });
    const create = await agent
      .post('/api/roles')
      .set('X-CSRF-Token', csrf)
      .send({ name: 'Mine', description: '', permissions: ['staff.manage'] });
    expect(create.status).toBe(403);
    const session = await agent.get('/api/auth/session');
    expect(session.body.staff.permissions).not.toContain('staff.manage');
  });

  it('takes a removed permission away at once, without signing in again', async () => {
    const staff = await createStaff(t, 'Administrator');
    const session = t.http();
    await signIn(session, staff.username, staff.password);
    expect((await session.get('/api/staff')).status).toBe(200);
    const admin = t.http();
    const csrf = await signIn(admin, t.admin.username, t.admin.password);
    const agentRole = (await admin.get('/api/roles')).body.find((r: { name: string }) => r.name === 'Agent');
    await admin
      .put(`/api/staff/${staff.id}`)
      .set('X-CSRF-Token', csrf)
      .send({ roleIds: [agentRole.id] })
      .expect(200);
    expect((await session.get('/api/staff')).status).toBe(403);
  });

  it('refuses a session whose staff member was disabled behind the api, on the next request', async () => {
    const staff = await createStaff(t, 'Administrator');
    const session = t.http();
    await signIn(session, staff.username, staff.password);
    expect((await session.get('/api/staff')).status).toBe(200);
    // As another api process or an operator at the database would: the session row stays.
    await t.dataSource.query(`UPDATE staff SET status = 'disabled' WHERE id = ${staff.id}`);
    expect((await session.get('/api/staff')).status).toBe(401);
    expect((await session.get('/api/auth/session')).status).toBe(401);
  });

  it('answers unknown API routes and malformed JSON with the API error shape', async () => {
    const agent = t.http();
    const csrf = await signIn(agent, t.admin.username, t.admin.password);
    const unknown = await agent.get('/api/nothing-here').set('Accept-Language', 'en');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    const malformed = await agent
      .post('/api/roles')
      .set('X-CSRF-Token', csrf)
      .set('Content-Type', 'application/json')
      .send('{"name":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
  });
});
