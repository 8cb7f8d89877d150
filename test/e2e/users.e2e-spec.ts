import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Permission } from '@keydesk/domain';

import { createClient } from '../factories/client.factory';
import { createStaff, signInWithPermissions } from '../factories/staff.factory';
import { addClientUser, insertSignIn } from '../factories/user.factory';
import { verifyCaller } from '../support/assurance';
import { signIn } from '../support/sign-in';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

describe.each(TEST_DATABASES)('users on %s', (kind) => {
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

  const put = (id: number, body: object) => agent.put(`/api/users/${id}`).set('X-CSRF-Token', csrf).send(body);
  const search = async (q: string) =>
    ((await agent.get('/api/clients').query({ filter: JSON.stringify({ q }) })).body as Array<{ id: number }>).map(
      (c) => c.id,
    );
  const lookup = (q: string, extra: Record<string, string> = {}) =>
    agent.get('/api/users').query({ filter: JSON.stringify({ q }), ...extra });

  it('shows a user with the clients they belong to, and never a password field', async () => {
    const [first, second] = [
      await createClient(agent, csrf, { companyName: 'Alfa Cómputo' }),
      await createClient(agent, csrf, { companyName: 'Beta Redes' }),
    ];
    const user = await addClientUser(agent, csrf, second.id, { username: 'ana.beta' });
    await addClientUser(agent, csrf, first.id);
    await addClientUser(agent, csrf, first.id, { email: user.email, username: 'ana.alfa', permissions: ['tickets'] });
    const shown = await agent.get(`/api/users/${user.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({
      id: user.id,
      email: user.email,
      firstName: 'Ana',
      lastName: 'López',
      status: 'active',
      lastLoginAt: null,
      lastLoginIp: null,
      mustChangePassword: false,
      passwordChangedAt: null,
      temporaryPasswordExpiresAt: null,
      lockedAt: null,
      lockReason: null,
      emailHoldUntil: null,
      twoFactor: { methods: [], requiredByClient: false, totp: null, passkeys: [], recoveryCodesLeft: 0 },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      clients: [
        {
          clientId: first.id,
          clientKey: first.clientKey,
          companyName: 'Alfa Cómputo',
          username: 'ana.alfa',
          owner: false,
          permissions: ['tickets'],
        },
        {
          clientId: second.id,
          clientKey: second.clientKey,
          companyName: 'Beta Redes',
          username: 'ana.beta',
          owner: true,
          permissions: expect.any(Array),
        },
      ],
    });
    const missing = await agent.get('/api/users/999999').set('Accept-Language', 'es');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('El usuario que buscas no existe.');
  });

  it('updates names, email and status, reindexes every client of the user and logs it in each', async () => {
    const [first, second] = [await createClient(agent, csrf), await createClient(agent, csrf)];
    const user = await addClientUser(agent, csrf, first.id, {
      email: 'old.address@renombre.example',
      lastName: 'Antiguo',
    });
    await addClientUser(agent, csrf, second.id, { email: user.email });
    expect((await search('old.address@')).sort()).toEqual([first.id, second.id].sort());
    await verifyCaller(t, agent, csrf, user.id);
    const updated = await put(user.id, {
      email: 'New.Address@Renombre.example',
      lastName: 'Moderno',
      status: 'disabled',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      email: 'new.address@renombre.example',
      firstName: 'Ana',
      lastName: 'Moderno',
      status: 'disabled',
    });
    expect(await search('old.address@')).toEqual([]);
    expect(await search('antiguo')).toEqual([]);
    expect((await search('new.address@renombre')).sort()).toEqual([first.id, second.id].sort());
    expect((await search('moderno')).sort()).toEqual([first.id, second.id].sort());
    expect((await agent.get(`/api/clients/${first.id}/users`)).body[0]).toMatchObject({
      email: 'new.address@renombre.example',
      status: 'disabled',
    });
    for (const clientId of [first.id, second.id]) {
      const entries: { action: string }[] = (await agent.get(`/api/clients/${clientId}/activity`)).body;
      expect(entries.find((entry) => entry.action === 'user.updated')).toMatchObject({
        action: 'user.updated',
        clientId,
        subjectType: 'user',
        subjectId: String(user.id),
        details: {
          changes: {
            email: { from: 'old.address@renombre.example', to: 'new.address@renombre.example' },
            lastName: { from: 'Antiguo', to: 'Moderno' },
            status: { from: 'active', to: 'disabled' },
          },
        },
      });
    }
    // Nothing changed, nothing logged (the worker may log the notices' delivery meanwhile).
    const changes = async () =>
      ((await agent.get(`/api/clients/${first.id}/activity`)).body as { action: string }[]).filter(
        (entry) => entry.action !== 'email.sent',
      );
    const before = await changes();
    expect((await put(user.id, { email: 'NEW.ADDRESS@renombre.example', status: 'disabled' })).status).toBe(200);
    expect(await changes()).toEqual(before);
  });

  it('refuses a taken email (409), bad fields (400), unknown users (404) and staff without users.manage (403)', async () => {
    const client = await createClient(agent, csrf);
    const ana = await addClientUser(agent, csrf, client.id);
    const beto = await addClientUser(agent, csrf, client.id);
    const taken = await put(beto.id, { email: ana.email.toUpperCase() }).set('Accept-Language', 'es');
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({
      code: 'USER_EMAIL_TAKEN',
      errors: { email: expect.stringContaining(ana.email) },
    });
    for (const [body, field] of [
      [{ email: 'nope' }, 'email'],
      [{ status: 'deleted' }, 'status'],
      [{ firstName: '' }, 'firstName'],
      [{ passwordHash: 'x' }, 'passwordHash'],
      [{ lastName: 'x'.repeat(101) }, 'lastName'],
    ] as const) {
      const refused = await put(beto.id, body);
      expect(refused.status, field).toBe(400);
      expect(Object.keys(refused.body.errors)).toEqual([field]);
    }
    expect((await put(999999, { firstName: 'Nadie' })).status).toBe(404);
    const viewer = await signInWithPermissions(t, [Permission.ClientsView]);
    expect((await viewer.agent.get(`/api/users/${beto.id}`)).status).toBe(200);
    const refused = await viewer.agent
      .put(`/api/users/${beto.id}`)
      .set('X-CSRF-Token', viewer.csrf)
      .send({ firstName: 'Mío' });
    expect(refused.status).toBe(403);
    const blind = await signInWithPermissions(t, [Permission.TicketsView]);
    for (const path of [`/api/users/${beto.id}`, `/api/users/${beto.id}/sign-ins`, '/api/users']) {
      expect((await blind.agent.get(path)).status, path).toBe(403);
    }
    expect((await agent.get(`/api/users/${beto.id}`)).body).toMatchObject({
      email: beto.email,
      firstName: beto.firstName,
    });
  });

  it('lists client-area sign-ins newest first, paged with Content-Range', async () => {
    const client = await createClient(agent, csrf);
    const user = await addClientUser(agent, csrf, client.id);
    const quiet = await addClientUser(agent, csrf, client.id);
    await insertSignIn(t, user.id, new Date('2026-03-01T10:00:00.000Z'), { clientId: client.id });
    await insertSignIn(t, user.id, new Date('2026-03-02T10:00:00.000Z'), { succeeded: false, ip: '198.51.100.9' });
    await insertSignIn(t, user.id, new Date('2026-03-03T10:00:00.000Z'));
    await insertSignIn(t, quiet.id, new Date('2026-03-04T10:00:00.000Z'));
    const all = await agent.get(`/api/users/${user.id}/sign-ins`);
    expect(all.status).toBe(200);
    expect(all.headers['content-range']).toBe('sign-ins 0-2/3');
    expect(all.body.map((s: { occurredAt: string }) => s.occurredAt)).toEqual([
      '2026-03-03T10:00:00.000Z',
      '2026-03-02T10:00:00.000Z',
      '2026-03-01T10:00:00.000Z',
    ]);
    expect(all.body[1]).toEqual({
      id: expect.any(Number),
      clientId: null,
      occurredAt: '2026-03-02T10:00:00.000Z',
      ip: '198.51.100.9',
      userAgent: 'Mozilla/5.0',
      succeeded: false,
    });
    expect(all.body[2].clientId).toBe(client.id);
    const page = await agent.get(`/api/users/${user.id}/sign-ins`).query({ range: '[1,1]' });
    expect(page.headers['content-range']).toBe('sign-ins 1-1/3');
    expect(page.body[0].occurredAt).toBe('2026-03-02T10:00:00.000Z');
    expect((await agent.get('/api/users/999999/sign-ins')).status).toBe(404);
    expect((await agent.get(`/api/users/${user.id}/sign-ins`).query({ range: '[2,1]' })).status).toBe(400);
  });

  it('finds users by the start of their email, with their clients, for the associate lookup', async () => {
    const client = await createClient(agent, csrf, { companyName: 'Lookup S.A.' });
    const ana = await addClientUser(agent, csrf, client.id, { email: 'ana@lookup.example' });
    await addClientUser(agent, csrf, client.id, { email: 'mariana@lookup.example' });
    await addClientUser(agent, csrf, client.id, { email: 'anabel@lookup.example' });
    const found = await lookup('ANA@');
    expect(found.status).toBe(200);
    expect(found.headers['content-range']).toBe('users 0-0/1');
    expect(found.body).toEqual([
      expect.objectContaining({
        id: ana.id,
        email: 'ana@lookup.example',
        clients: [expect.objectContaining({ clientId: client.id, companyName: 'Lookup S.A.' })],
      }),
    ]);
    expect((await lookup('ana', { sort: '["email","DESC"]' })).body.map((u: { email: string }) => u.email)).toEqual([
      'anabel@lookup.example',
      'ana@lookup.example',
    ]);
    expect((await lookup('_na')).body).toEqual([]);
    expect((await lookup('%')).body).toEqual([]);
    const byIds = await agent.get('/api/users').query({ filter: JSON.stringify({ id: [ana.id] }) });
    expect(byIds.body.map((u: { id: number }) => u.id)).toEqual([ana.id]);
    expect((await agent.get('/api/users').query({ sort: '["passwordHash","ASC"]' })).status).toBe(400);
    expect((await agent.get('/api/users').query({ filter: '{"q":' })).status).toBe(400);
  });
});
