import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ALL_CLIENT_USER_PERMISSIONS, Permission } from '@keydesk/domain';

import { createClient } from '../factories/client.factory';
import { createStaff, signInWithPermissions } from '../factories/staff.factory';
import { addClientUser, clientUserBody } from '../factories/user.factory';
import { signIn } from '../support/sign-in';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

interface Row {
  id: number;
  username: string;
  owner: boolean;
  email: string;
}

describe.each(TEST_DATABASES)('client users on %s', (kind) => {
  let t: TestApp;
  let agent: request.Agent;
  let csrf: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const staff = await createStaff(t, 'Agent');
    agent = t.http();
    csrf = await signIn(agent, staff.username, staff.password);
  });
  afterAll(async () => {
    await t?.close();
  });

  const users = async (clientId: number, query: Record<string, string> = {}) =>
    (await agent.get(`/api/clients/${clientId}/users`).query(query)).body as Row[];
  const log = async (clientId: number) =>
    (await agent.get(`/api/clients/${clientId}/activity`).query({ range: '[0,99]' })).body as Array<{
      action: string;
      clientId: number;
      subjectType: string;
      subjectId: string;
      details: Record<string, unknown>;
    }>;
  const put = (clientId: number, userId: number, body: object) =>
    agent.put(`/api/clients/${clientId}/users/${userId}`).set('X-CSRF-Token', csrf).send(body);
  const remove = (clientId: number, userId: number, query: Record<string, string | number> = {}) =>
    agent.delete(`/api/clients/${clientId}/users/${userId}`).query(query).set('X-CSRF-Token', csrf);
  const search = async (q: string) =>
    ((await agent.get('/api/clients').query({ filter: JSON.stringify({ q }) })).body as Array<{ id: number }>).map(
      (c) => c.id,
    );

  it('creates the first user as the owner with every permission, lists it and logs it with the client', async () => {
    const client = await createClient(agent, csrf);
    const created = await agent.post(`/api/clients/${client.id}/users`).set('X-CSRF-Token', csrf).send({
      email: 'Ana.Primera@Example.TEST',
      firstName: 'Ana',
      lastName: 'Primera',
      username: 'Ana.Primera',
      owner: false,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      clientId: client.id,
      email: 'ana.primera@example.test',
      firstName: 'Ana',
      lastName: 'Primera',
      username: 'ana.primera',
      owner: true,
      permissions: [...ALL_CLIENT_USER_PERMISSIONS],
      status: 'active',
      lastLoginAt: null,
      lockedAt: null,
    });
    const list = await agent.get(`/api/clients/${client.id}/users`);
    expect(list.headers['content-range']).toBe('users 0-0/1');
    expect(list.body).toEqual([{ ...created.body, twoFactorMethods: [] }]);
    const [{ password_hash: hash }] = await t.dataSource.query('SELECT password_hash FROM users WHERE id = ?', [
      created.body.id,
    ]);
    expect(hash).toBeNull();
    const entries = await log(client.id);
    expect(entries.slice(0, 3).map((e) => e.action)).toEqual([
      'client.owner_changed',
      'user.associated',
      'user.created',
    ]);
    expect(entries.slice(0, 3).every((e) => e.clientId === client.id)).toBe(true);
    expect(entries[0].details).toEqual({ from: null, to: { id: created.body.id, email: 'ana.primera@example.test' } });
    expect(entries[1]).toMatchObject({
      subjectType: 'user',
      subjectId: String(created.body.id),
      details: { username: 'ana.primera', owner: true },
    });
  });

  it('associates an existing email keeping its names, and moves ownership when asked', async () => {
    const [first, second] = [await createClient(agent, csrf), await createClient(agent, csrf)];
    const ana = await addClientUser(agent, csrf, first.id, { firstName: 'Ana', lastName: 'Vieja' });
    const beto = await addClientUser(agent, csrf, first.id, { owner: true, permissions: ['tickets', 'profile'] });
    // The owner may do everything in the account, whatever was asked for.
    expect(beto).toMatchObject({ owner: true, permissions: [...ALL_CLIENT_USER_PERMISSIONS] });
    expect((await users(first.id)).map((u) => [u.id, u.owner])).toEqual([
      [beto.id, true],
      [ana.id, false],
    ]);
    expect((await log(first.id))[0]).toMatchObject({
      action: 'client.owner_changed',
      clientId: first.id,
      details: { from: { id: ana.id }, to: { id: beto.id } },
    });

    await addClientUser(agent, csrf, second.id);
    const again = await addClientUser(agent, csrf, second.id, {
      email: ana.email.toUpperCase(),
      firstName: 'Otra',
      lastName: 'Persona',
      username: 'ana',
    });
    expect(again).toMatchObject({
      id: ana.id,
      clientId: second.id,
      firstName: 'Ana',
      lastName: 'Vieja',
      owner: false,
      username: 'ana',
    });
    expect((await log(second.id)).filter((e) => e.subjectId === String(ana.id)).map((e) => e.action)).toEqual([
      'user.associated',
    ]);
  });

  it('updates user name, permissions and ownership with before/after in the trail', async () => {
    const client = await createClient(agent, csrf);
    const owner = await addClientUser(agent, csrf, client.id);
    const member = await addClientUser(agent, csrf, client.id, { username: 'member.one' });
    const updated = await put(client.id, member.id, { username: 'Member.Two', permissions: ['tickets', 'invoices'] });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      id: member.id,
      username: 'member.two',
      permissions: ['invoices', 'tickets'],
      owner: false,
    });
    expect((await log(client.id))[0]).toMatchObject({
      action: 'user.association_updated',
      clientId: client.id,
      subjectId: String(member.id),
      details: {
        before: { username: 'member.one', permissions: [...ALL_CLIENT_USER_PERMISSIONS] },
        after: { username: 'member.two', permissions: ['invoices', 'tickets'] },
      },
    });
    const promoted = await put(client.id, member.id, { owner: true });
    expect(promoted.body.owner).toBe(true);
    expect((await users(client.id)).find((u) => u.id === owner.id)!.owner).toBe(false);
    expect((await log(client.id)).slice(0, 2).map((e) => e.action)).toEqual([
      'client.owner_changed',
      'user.association_updated',
    ]);
    const entries = (await log(client.id)).length;
    expect((await put(client.id, member.id, { owner: true, username: 'MEMBER.TWO' })).status).toBe(200);
    expect(await log(client.id)).toHaveLength(entries);
  });

  it('refuses unknown fields, bad emails, user names, permissions and owner flags with per-field 400s', async () => {
    const client = await createClient(agent, csrf);
    const post = (body: object) => agent.post(`/api/clients/${client.id}/users`).set('X-CSRF-Token', csrf).send(body);
    const cases: Array<[object, string]> = [
      [{ ...clientUserBody(), role: 'admin' }, 'role'],
      [clientUserBody({ email: 'not-an-email' }), 'email'],
      [clientUserBody({ username: 'ana lopez' }), 'username'],
      [clientUserBody({ username: 'x'.repeat(65) }), 'username'],
      [clientUserBody({ username: 'ana@home' }), 'username'],
      [{ ...clientUserBody(), permissions: ['profile', 'root'] }, 'permissions'],
      [{ ...clientUserBody(), owner: 'yes' }, 'owner'],
      [{ ...clientUserBody(), firstName: '' }, 'firstName'],
    ];
    for (const [body, field] of cases) {
      const response = await post(body);
      expect(response.status, field).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(response.body.errors), field).toEqual([field]);
    }
    expect(await users(client.id)).toEqual([]);
    const user = await addClientUser(agent, csrf, client.id);
    for (const [body, field] of [
      [{ email: 'a@b.example' }, 'email'],
      [{ username: 'bad name' }, 'username'],
      [{ permissions: ['root'] }, 'permissions'],
    ] as const) {
      const response = await put(client.id, user.id, body);
      expect(response.status, field).toBe(400);
      expect(Object.keys(response.body.errors)).toEqual([field]);
    }
    expect((await remove(client.id, user.id, { newOwnerId: 'abc' })).status).toBe(400);
    expect((await agent.get(`/api/clients/${client.id}/users`).query({ sort: '["passwordHash","ASC"]' })).status).toBe(
      400,
    );
  });

  it('answers 409 for a taken user name, an existing member and the owner rules, changing nothing', async () => {
    const client = await createClient(agent, csrf);
    const owner = await addClientUser(agent, csrf, client.id, { username: 'taken' });
    const member = await addClientUser(agent, csrf, client.id);
    const taken = await agent
      .post(`/api/clients/${client.id}/users`)
      .set('X-CSRF-Token', csrf)
      .set('Accept-Language', 'es')
      .send(clientUserBody({ username: 'TAKEN' }));
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({
      code: 'CLIENT_USERNAME_TAKEN',
      errors: { username: expect.stringContaining('«taken»') },
    });
    const renamed = await put(client.id, member.id, { username: 'Taken' });
    expect(renamed.status).toBe(409);
    expect(renamed.body.errors).toHaveProperty('username');
    const twice = await agent
      .post(`/api/clients/${client.id}/users`)
      .set('X-CSRF-Token', csrf)
      .send(clientUserBody({ email: member.email.toUpperCase() }));
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ALREADY_ASSOCIATED');
    const demoted = await put(client.id, owner.id, { owner: false });
    expect(demoted.status).toBe(409);
    expect(demoted.body.code).toBe('OWNER_REQUIRED');
    const removed = await remove(client.id, owner.id);
    expect(removed.status).toBe(409);
    expect(removed.body.code).toBe('OWNER_REQUIRED');
    const stranger = await addClientUser(agent, csrf, (await createClient(agent, csrf)).id);
    for (const newOwnerId of [stranger.id, owner.id]) {
      const refused = await remove(client.id, owner.id, { newOwnerId });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toHaveProperty('newOwnerId');
    }
    expect((await users(client.id)).map((u) => [u.id, u.username, u.owner])).toEqual([
      [owner.id, 'taken', true],
      [member.id, member.username, false],
    ]);
    // With nobody left to name, the owner, last user of the client, may go.
    expect((await remove(client.id, member.id)).status).toBe(200);
    expect((await remove(client.id, owner.id)).status).toBe(200);
    expect(await users(client.id)).toEqual([]);
  });

  it('answers 404 for an unknown client, an unknown user and a user of another client', async () => {
    const client = await createClient(agent, csrf);
    const member = await addClientUser(agent, csrf, client.id);
    const other = await addClientUser(agent, csrf, (await createClient(agent, csrf)).id);
    const missing = await agent.get('/api/clients/999999/users').set('Accept-Language', 'es');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('El cliente que buscas no existe.');
    expect(
      (await agent.post('/api/clients/999999/users').set('X-CSRF-Token', csrf).send(clientUserBody())).status,
    ).toBe(404);
    expect((await put(999999, member.id, { username: 'x' })).status).toBe(404);
    expect((await remove(999999, member.id)).status).toBe(404);
    for (const userId of [999999, other.id]) {
      const updated = await put(client.id, userId, { username: 'x' }).set('Accept-Language', 'en');
      expect(updated.status).toBe(404);
      expect(updated.body.message).toBe('The user you asked for does not exist.');
      expect((await remove(client.id, userId)).status).toBe(404);
    }
  });

  it('lets staff without users.manage list users but not change them (403)', async () => {
    const client = await createClient(agent, csrf);
    const user = await addClientUser(agent, csrf, client.id);
    const viewer = await signInWithPermissions(t, [Permission.ClientsView]);
    expect((await viewer.agent.get(`/api/clients/${client.id}/users`)).status).toBe(200);
    const refused = [
      await viewer.agent
        .post(`/api/clients/${client.id}/users`)
        .set('X-CSRF-Token', viewer.csrf)
        .send(clientUserBody()),
      await viewer.agent
        .put(`/api/clients/${client.id}/users/${user.id}`)
        .set('X-CSRF-Token', viewer.csrf)
        .send({ username: 'mine' }),
      await viewer.agent.delete(`/api/clients/${client.id}/users/${user.id}`).set('X-CSRF-Token', viewer.csrf),
    ];
    expect(refused.map((r) => [r.status, r.body.code])).toEqual(Array(3).fill([403, 'FORBIDDEN']));
    const blind = await signInWithPermissions(t, [Permission.TicketsView]);
    expect((await blind.agent.get(`/api/clients/${client.id}/users`)).status).toBe(403);
    expect(await users(client.id)).toEqual([{ ...user, twoFactorMethods: [] }]);
  });

  it('dissociates a user of two clients from one: the user stays in the other and is never deleted', async () => {
    const [first, second] = [await createClient(agent, csrf), await createClient(agent, csrf)];
    await addClientUser(agent, csrf, first.id);
    await addClientUser(agent, csrf, second.id);
    const shared = await addClientUser(agent, csrf, first.id);
    await addClientUser(agent, csrf, second.id, { email: shared.email });
    const removed = await remove(first.id, shared.id);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual(shared);
    expect((await users(first.id)).map((u) => u.id)).not.toContain(shared.id);
    expect((await users(second.id)).map((u) => u.id)).toContain(shared.id);
    expect(
      (await agent.get(`/api/users/${shared.id}`)).body.clients.map((c: { clientId: number }) => c.clientId),
    ).toEqual([second.id]);
    expect((await log(first.id))[0]).toMatchObject({
      action: 'user.dissociated',
      clientId: first.id,
      subjectId: String(shared.id),
    });
    expect((await remove(second.id, shared.id)).status).toBe(200);
    const orphan = await agent.get(`/api/users/${shared.id}`);
    expect(orphan.status).toBe(200);
    expect(orphan.body).toMatchObject({ id: shared.id, email: shared.email, clients: [] });
  });

  it('removes the owner when a new owner is named, moving ownership in the same change', async () => {
    const client = await createClient(agent, csrf);
    const owner = await addClientUser(agent, csrf, client.id);
    const heir = await addClientUser(agent, csrf, client.id);
    const removed = await remove(client.id, owner.id, { newOwnerId: heir.id });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ id: owner.id, owner: true });
    expect((await users(client.id)).map((u) => [u.id, u.owner])).toEqual([[heir.id, true]]);
    const [moved, dissociated] = await log(client.id);
    expect(dissociated).toMatchObject({ action: 'user.dissociated', clientId: client.id });
    expect(moved).toMatchObject({
      action: 'client.owner_changed',
      clientId: client.id,
      details: { from: { id: owner.id }, to: { id: heir.id } },
    });
    expect((await agent.get(`/api/clients/${client.id}/summary`)).body.owner).toMatchObject({ id: heir.id });
  });

  it('keeps exactly one owner when several requests name an owner at once', async () => {
    const client = await createClient(agent, csrf);
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        agent
          .post(`/api/clients/${client.id}/users`)
          .set('X-CSRF-Token', csrf)
          .send(clientUserBody({ owner: true })),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect((await users(client.id)).filter((u) => u.owner)).toHaveLength(1);
  });

  it('finds the client by a user email right after association and no longer after dissociation', async () => {
    const client = await createClient(agent, csrf);
    await addClientUser(agent, csrf, client.id);
    expect(await search('zoe.buscable@')).toEqual([]);
    const user = await addClientUser(agent, csrf, client.id, {
      email: 'Zoe.Buscable@Hallazgo.example',
      firstName: 'Zoé',
      lastName: 'Encontrada',
    });
    expect(await search('zoe.buscable@hallazgo')).toEqual([client.id]);
    expect(await search('encontrada')).toEqual([client.id]);
    await remove(client.id, user.id).expect(200);
    expect(await search('zoe.buscable@')).toEqual([]);
    expect(await search('encontrada')).toEqual([]);
  });

  it('sorts and pages with Content-Range, the owner first when no order is asked for', async () => {
    const client = await createClient(agent, csrf);
    const owner = await addClientUser(agent, csrf, client.id, {
      username: 'zeta',
      email: 'b-owner@sort.example',
      lastName: 'Beta',
    });
    await addClientUser(agent, csrf, client.id, { username: 'alfa', email: 'c-member@sort.example', lastName: 'Alfa' });
    await addClientUser(agent, csrf, client.id, {
      username: 'beta',
      email: 'a-member@sort.example',
      lastName: 'Gamma',
    });
    expect((await users(client.id)).map((u) => u.username)).toEqual(['zeta', 'alfa', 'beta']);
    expect((await users(client.id, { sort: '["username","ASC"]' })).map((u) => u.username)).toEqual([
      'alfa',
      'beta',
      'zeta',
    ]);
    expect((await users(client.id, { sort: '["lastName","DESC"]' })).map((u) => u.username)).toEqual([
      'beta',
      'zeta',
      'alfa',
    ]);
    await t.dataSource.query('UPDATE users SET last_login_at = ? WHERE id = ?', ['2026-01-02 03:04:05', owner.id]);
    expect((await users(client.id, { sort: '["lastLoginAt","DESC"]' }))[0].username).toBe('zeta');
    const page = await agent.get(`/api/clients/${client.id}/users`).query({ sort: '["email","ASC"]', range: '[1,1]' });
    expect(page.headers['content-range']).toBe('users 1-1/3');
    expect(page.body.map((u: Row) => u.email)).toEqual(['b-owner@sort.example']);
  });
});
