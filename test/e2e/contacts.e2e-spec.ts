import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Permission } from '@keydesk/domain';

import { createClient } from '../factories/client.factory';
import { createStaff, signInWithPermissions } from '../factories/staff.factory';
import { signIn } from '../support/sign-in';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

describe.each(TEST_DATABASES)('contacts on %s', (kind) => {
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

  const contactsOf = (clientId: number) => `/api/clients/${clientId}/contacts`;
  const addContact = (clientId: number, body: Record<string, unknown>) =>
    agent.post(contactsOf(clientId)).set('X-CSRF-Token', csrf).send(body);
  const search = async (q: string) =>
    ((await agent.get('/api/clients').query({ filter: JSON.stringify({ q }) })).body as Array<{ id: number }>).map(
      (c) => c.id,
    );

  it('adds, lists, reads, changes and deletes a contact, recording each change in the client Log', async () => {
    const client = await createClient(agent, csrf);
    const created = await addContact(client.id, {
      firstName: ' Ana ',
      lastName: 'López',
      email: 'Ana.Lopez@Correo.example',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      clientId: client.id,
      firstName: 'Ana',
      lastName: 'López',
      email: 'ana.lopez@correo.example',
      receivesSecurityEmails: false,
    });
    await addContact(client.id, {
      firstName: 'Beto',
      lastName: 'Ruiz',
      email: 'beto@correo.example',
      receivesSecurityEmails: true,
    }).expect(201);

    const list = await agent.get(contactsOf(client.id)).query({ sort: '["firstName","DESC"]', range: '[0,0]' });
    expect(list.headers['content-range']).toBe('contacts 0-0/2');
    expect(list.body.map((c: { firstName: string }) => c.firstName)).toEqual(['Beto']);
    expect((await agent.get(`${contactsOf(client.id)}/${created.body.id}`)).body).toEqual(created.body);

    const updated = await agent
      .put(`${contactsOf(client.id)}/${created.body.id}`)
      .set('X-CSRF-Token', csrf)
      .send({ lastName: 'López Vega', receivesSecurityEmails: true });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      firstName: 'Ana',
      lastName: 'López Vega',
      email: 'ana.lopez@correo.example',
      receivesSecurityEmails: true,
    });

    const deleted = await agent.delete(`${contactsOf(client.id)}/${created.body.id}`).set('X-CSRF-Token', csrf);
    expect(deleted.status).toBe(200);
    expect(deleted.body.id).toBe(created.body.id);
    expect((await agent.get(`${contactsOf(client.id)}/${created.body.id}`)).status).toBe(404);

    const log = await agent.get(`/api/clients/${client.id}/activity`);
    expect(log.body.map((e: { action: string }) => e.action)).toEqual([
      'contact.deleted',
      'contact.updated',
      'contact.created',
      'contact.created',
      'client.created',
    ]);
    expect(log.body[1]).toMatchObject({
      clientId: client.id,
      subjectType: 'contact',
      subjectId: String(created.body.id),
      subjectName: 'Ana López Vega',
      details: {
        changes: { lastName: { from: 'López', to: 'López Vega' }, receivesSecurityEmails: { from: false, to: true } },
      },
    });
    expect(log.body[0].details).toEqual({ email: 'ana.lopez@correo.example', receivesSecurityEmails: true });
  });

  it('makes security contacts registered addresses (lower-case, once each) and finds the client by any contact', async () => {
    const client = await createClient(agent, csrf, { email: 'facturas@tortilleria.example' });
    await addContact(client.id, {
      firstName: 'Marta',
      lastName: 'Quintero',
      email: 'Seguridad@Tortilleria.example',
      receivesSecurityEmails: true,
    }).expect(201);
    await addContact(client.id, {
      firstName: 'Primaria',
      lastName: 'Otra vez',
      email: 'FACTURAS@tortilleria.example',
      receivesSecurityEmails: true,
    }).expect(201);
    const quiet = await addContact(client.id, {
      firstName: 'Hugo',
      lastName: 'Sinaviso',
      email: 'hugo@tortilleria.example',
    });
    const summary = await agent.get(`/api/clients/${client.id}/summary`);
    expect(summary.body.registeredAddresses).toEqual(['facturas@tortilleria.example', 'seguridad@tortilleria.example']);

    expect(await search('seguridad@tortilleria')).toEqual([client.id]);
    expect(await search('Quintero')).toEqual([client.id]);
    expect(await search('sinaviso')).toEqual([client.id]);
    await agent
      .put(`${contactsOf(client.id)}/${quiet.body.id}`)
      .set('X-CSRF-Token', csrf)
      .send({ lastName: 'Renombrado' })
      .expect(200);
    expect(await search('sinaviso')).toEqual([]);
    expect(await search('renombrado')).toEqual([client.id]);
    await agent
      .delete(`${contactsOf(client.id)}/${quiet.body.id}`)
      .set('X-CSRF-Token', csrf)
      .expect(200);
    expect(await search('renombrado')).toEqual([]);
  });

  it('refuses bad input and unknown fields with 400 per field, changing nothing', async () => {
    const client = await createClient(agent, csrf);
    const bad = await addContact(client.id, { firstName: '  ', email: 'not-an-email', receivesSecurityEmails: 'yes' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['email', 'firstName', 'lastName', 'receivesSecurityEmails']);
    const unknown = await addContact(client.id, { firstName: 'A', lastName: 'B', email: 'a@b.example', phone: '55' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual({ phone: 'This field is not accepted.' });
    const contact = await addContact(client.id, { firstName: 'A', lastName: 'B', email: 'a@b.example' });
    const nulled = await agent
      .put(`${contactsOf(client.id)}/${contact.body.id}`)
      .set('X-CSRF-Token', csrf)
      .send({ firstName: null, email: 'x' });
    expect(nulled.status).toBe(400);
    expect(Object.keys(nulled.body.errors).sort()).toEqual(['email', 'firstName']);
    expect((await agent.get(contactsOf(client.id)).query({ sort: '["clientId","ASC"]' })).status).toBe(400);
    expect((await agent.get(contactsOf(client.id))).body).toEqual([contact.body]);
  });

  it('refuses a second contact with the same address in one client (409), whatever its case', async () => {
    const client = await createClient(agent, csrf);
    const other = await createClient(agent, csrf);
    const first = await addContact(client.id, { firstName: 'Uno', lastName: 'A', email: 'mismo@correo.example' });
    const second = await addContact(client.id, { firstName: 'Dos', lastName: 'B', email: 'otro@correo.example' });
    const taken = await addContact(client.id, { firstName: 'Tres', lastName: 'C', email: 'MISMO@correo.example' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'EMAIL_TAKEN', errors: { email: expect.any(String) } });
    const moved = await agent
      .put(`${contactsOf(client.id)}/${second.body.id}`)
      .set('X-CSRF-Token', csrf)
      .send({ email: 'Mismo@correo.example' });
    expect(moved.status).toBe(409);
    await agent
      .put(`${contactsOf(client.id)}/${first.body.id}`)
      .set('X-CSRF-Token', csrf)
      .send({ email: 'mismo@correo.example' })
      .expect(200);
    await addContact(other.id, { firstName: 'Uno', lastName: 'A', email: 'mismo@correo.example' }).expect(201);
  });

  it("answers 404 for an unknown client, an unknown contact and another client's contact", async () => {
    const client = await createClient(agent, csrf);
    const other = await createClient(agent, csrf);
    const contact = await addContact(other.id, { firstName: 'Ajena', lastName: 'X', email: 'ajena@correo.example' });
    const missingClient = await agent.get(contactsOf(999999)).set('Accept-Language', 'es');
    expect(missingClient.status).toBe(404);
    expect(missingClient.body.message).toBe('El cliente que buscas no existe.');
    expect((await addContact(999999, { firstName: 'A', lastName: 'B', email: 'a@b.example' })).status).toBe(404);
    for (const id of [999999, contact.body.id]) {
      const path = `${contactsOf(client.id)}/${id}`;
      const read = await agent.get(path);
      expect(read.status).toBe(404);
      expect(read.body.message).toBe('The contact you asked for does not exist.');
      expect((await agent.put(path).set('X-CSRF-Token', csrf).send({ firstName: 'Z' })).status).toBe(404);
      expect((await agent.delete(path).set('X-CSRF-Token', csrf)).status).toBe(404);
    }
    expect((await agent.get(`${contactsOf(other.id)}/${contact.body.id}`)).body.firstName).toBe('Ajena');
  });

  it('lets staff without clients.edit read contacts but not change them (403)', async () => {
    const client = await createClient(agent, csrf);
    const contact = await addContact(client.id, { firstName: 'Fija', lastName: 'X', email: 'fija@correo.example' });
    const { agent: session, csrf: readerCsrf } = await signInWithPermissions(t, [Permission.ClientsView]);
    expect((await session.get(contactsOf(client.id))).status).toBe(200);
    const path = `${contactsOf(client.id)}/${contact.body.id}`;
    const refused = await session
      .post(contactsOf(client.id))
      .set('X-CSRF-Token', readerCsrf)
      .send({ firstName: 'A', lastName: 'B', email: 'a@b.example' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect((await session.put(path).set('X-CSRF-Token', readerCsrf).send({ firstName: 'Z' })).status).toBe(403);
    expect((await session.delete(path).set('X-CSRF-Token', readerCsrf)).status).toBe(403);
    expect((await agent.get(path)).body.firstName).toBe('Fija');
  });
});
