import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { signIn } from '../support/sign-in';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

describe.each(TEST_DATABASES)('staff and roles administration on %s', (kind) => {
  let t: TestApp;
  let admin: request.Agent;
  let csrf: string;
  let roleIds: Record<string, number>;

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = t.http();
    csrf = await signIn(admin, t.admin.username, t.admin.password);
    const roles = await admin.get('/api/roles');
    roleIds = Object.fromEntries(roles.body.map((r: { name: string; id: number }) => [r.name, r.id]));
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (body: Record<string, unknown>, language = 'en') =>
    admin.post('/api/staff').set('X-CSRF-Token', csrf).set('Accept-Language', language).send(body);

  it('lists the built-in roles with their permissions from the catalogue', async () => {
    const response = await admin.get('/api/roles').query({ sort: '["name","ASC"]', range: '[0,9]' });
    expect(response.headers['content-range']).toBe('roles 0-2/3');
    const byName = Object.fromEntries(response.body.map((r: { name: string }) => [r.name, r]));
    expect(byName.Agent.permissions).toContain('users.send_reset_email');
    expect(byName.Agent.permissions).not.toContain('activity.view');
    expect(byName.Supervisor.permissions).toEqual(expect.arrayContaining(['activity.view', 'activity.export']));
    expect(byName.Administrator).toMatchObject({ builtIn: true, staffCount: 1 });
  });

  it('answers react-admin getMany by ids', async () => {
    const roles = await admin
      .get('/api/roles')
      .query({ filter: JSON.stringify({ id: [roleIds.Agent, roleIds.Supervisor] }) });
    expect(roles.body.map((r: { name: string }) => r.name).sort()).toEqual(['Agent', 'Supervisor']);
    const me = (await admin.get('/api/auth/session')).body.staff.id;
    const staff = await admin.get('/api/staff').query({ filter: JSON.stringify({ id: [me] }) });
    expect(staff.body.map((s: { id: number }) => s.id)).toEqual([me]);
    expect((await admin.get('/api/roles').query({ filter: '{"id":["x"]}' })).status).toBe(400);
  });

  it('creates staff, refusing weak passwords with a message per field in the caller language', async () => {
    const weak = await create(
      {
        username: 'maria',
        email: 'maria@example.test',
        displayName: 'María Pérez',
        password: 'maria-password-2024',
        roleIds: [roleIds.Agent],
      },
      'es',
    );
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({
      code: 'PASSWORD_REJECTED',
      errors: { password: expect.stringMatching(/no debe contener/) },
    });
    const short = await create({
      username: 'maria',
      email: 'maria@example.test',
      displayName: 'María Pérez',
      password: 'short one',
      roleIds: [roleIds.Agent],
    });
    expect(short.body.errors.password).toBe('Use at least 15 characters.');
    const made = await create({
      username: 'Maria',
      email: 'Maria@Example.test',
      displayName: 'María Pérez',
      password: 'verde tortuga lámpara nube',
      roleIds: [roleIds.Agent],
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      username: 'maria',
      email: 'maria@example.test',
      status: 'active',
      roleIds: [roleIds.Agent],
      lastLoginAt: null,
    });
    expect(made.body).not.toHaveProperty('passwordHash');
    await signIn(t.http(), 'maria', 'verde tortuga lámpara nube');
    const duplicate = await create({
      username: 'MARIA',
      email: 'other@example.test',
      displayName: 'Other',
      password: 'verde tortuga lámpara nube',
      roleIds: [],
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors).toHaveProperty('username');
  });

  it('validates fields and refuses unknown ones', async () => {
    const response = await create(
      { username: 'bad name!', email: 'not-an-email', displayName: '', password: 'x', roleIds: [999], admin: true },
      'es',
    );
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.errors).sort()).toEqual(['admin', 'displayName', 'email', 'username']);
    expect(response.body.errors.email).toBe('Debe ser un correo electrónico válido.');
    const before = await admin.get('/api/staff');
    expect(before.body.map((s: { username: string }) => s.username)).not.toContain('bad name!');
  });

  it('searches, filters, sorts and pages the staff list with Content-Range', async () => {
    for (const name of ['ana', 'beto', 'carla']) {
      await create({
        username: `list-${name}`,
        email: `${name}@list.test`,
        displayName: `List ${name}`,
        password: 'cielo verde río bosque',
        roleIds: [roleIds.Supervisor],
      }).expect(201);
    }
    const page = await admin
      .get('/api/staff')
      .query({ filter: '{"q":"list-"}', sort: '["username","DESC"]', range: '[0,1]' });
    expect(page.headers['content-range']).toBe('staff 0-1/3');
    expect(page.body.map((s: { username: string }) => s.username)).toEqual(['list-carla', 'list-beto']);
    const byRole = await admin
      .get('/api/staff')
      .query({ filter: JSON.stringify({ roleId: roleIds.Supervisor, q: 'LIST' }) });
    expect(byRole.body).toHaveLength(3);
    const badSort = await admin.get('/api/staff').query({ sort: '["password_hash","ASC"]' });
    expect(badSort.status).toBe(400);
    expect(badSort.body.errors).toHaveProperty('sort');
  });

  it("lets an administrator set a password, which ends that person's sessions", async () => {
    const made = await create({
      username: 'pedro',
      email: 'pedro@example.test',
      displayName: 'Pedro',
      password: 'naranja piano estrella',
      roleIds: [roleIds.Agent],
    });
    const pedro = t.http();
    await signIn(pedro, 'pedro', 'naranja piano estrella');
    await admin
      .post(`/api/staff/${made.body.id}/password`)
      .set('X-CSRF-Token', csrf)
      .send({ password: 'limón guitarra cometa' })
      .expect(204);
    expect((await pedro.get('/api/auth/session')).status).toBe(401);
    await signIn(t.http(), 'pedro', 'limón guitarra cometa');
    // Pedro is told by mail, which holds no password; the trail names the mail.
    const [mail] = (await t.dataSource.query(
      "SELECT id, template, has_secret AS hasSecret FROM mail_outbox WHERE recipient = 'pedro@example.test'",
    )) as Array<{ id: number; template: string; hasSecret: number | boolean }>;
    expect(mail).toMatchObject({ template: 'staff-password-changed' });
    expect(Boolean(Number(mail.hasSecret))).toBe(false);
    const [reset] = (await t.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'staff.password_reset' AND subject_id = '${made.body.id}'`,
    )) as Array<{ details: string }>;
    expect(JSON.parse(reset.details)).toMatchObject({ emailId: Number(mail.id) });
  });

  it('keeps at least one active administrator and refuses to disable oneself', async () => {
    const me = (await admin.get('/api/auth/session')).body.staff.id;
    const self = await admin.put(`/api/staff/${me}`).set('X-CSRF-Token', csrf).send({ status: 'disabled' });
    expect(self.body.code).toBe('CANNOT_DISABLE_SELF');
    const demote = await admin
      .put(`/api/staff/${me}`)
      .set('X-CSRF-Token', csrf)
      .send({ roleIds: [roleIds.Agent] });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('LAST_ADMINISTRATOR');
  });

  it('creates, edits and deletes custom roles; built-in and assigned roles are protected', async () => {
    const made = await admin
      .post('/api/roles')
      .set('X-CSRF-Token', csrf)
      .send({ name: 'Billing', description: 'Billing only', permissions: ['clients.view', 'tickets.view'] });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      name: 'Billing',
      builtIn: false,
      permissions: ['clients.view', 'tickets.view'],
      staffCount: 0,
    });
    const edited = await admin
      .put(`/api/roles/${made.body.id}`)
      .set('X-CSRF-Token', csrf)
      .send({ name: 'Billing desk', description: '', permissions: ['tickets.view'] });
    expect(edited.body.permissions).toEqual(['tickets.view']);
    const duplicate = await admin
      .post('/api/roles')
      .set('X-CSRF-Token', csrf)
      .send({ name: 'billing DESK', description: '', permissions: [] });
    expect(duplicate.body.code).toBe('ROLE_NAME_TAKEN');
    const builtIn = await admin
      .put(`/api/roles/${roleIds.Agent}`)
      .set('X-CSRF-Token', csrf)
      .send({ name: 'Agent', description: '', permissions: [] });
    expect(builtIn.body.code).toBe('ROLE_BUILT_IN');
    expect((await admin.delete(`/api/roles/${roleIds.Agent}`).set('X-CSRF-Token', csrf)).body.code).toBe(
      'ROLE_BUILT_IN',
    );
    const holder = await create({
      username: 'biller',
      email: 'biller@example.test',
      displayName: 'Biller',
      password: 'ventana camino árbol',
      roleIds: [made.body.id],
    });
    const inUse = await admin
      .delete(`/api/roles/${made.body.id}`)
      .set('X-CSRF-Token', csrf)
      .set('Accept-Language', 'es');
    expect(inUse.body).toMatchObject({ code: 'ROLE_IN_USE', message: expect.stringContaining('1 miembros') });
    await admin.put(`/api/staff/${holder.body.id}`).set('X-CSRF-Token', csrf).send({ roleIds: [] }).expect(200);
    expect((await admin.delete(`/api/roles/${made.body.id}`).set('X-CSRF-Token', csrf)).status).toBe(200);
    expect((await admin.get(`/api/roles/${made.body.id}`)).status).toBe(404);
    const trail = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE subject_type = 'role' AND subject_id = '${made.body.id}' ORDER BY seq`,
    );
    expect(trail.map((r: { action: string }) => r.action)).toEqual(['role.created', 'role.updated', 'role.deleted']);
  });
});
