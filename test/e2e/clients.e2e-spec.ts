import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Permission } from '@keydesk/domain';

import { createClient, uniqueRfc } from '../factories/client.factory';
import { createStaff, signInWithPermissions } from '../factories/staff.factory';
import { signIn } from '../support/sign-in';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

describe.each(TEST_DATABASES)('clients on %s', (kind) => {
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

  const search = (q: string, extra: Record<string, unknown> = {}) =>
    agent
      .get('/api/clients')
      .query({ filter: JSON.stringify({ q, ...extra }), range: '[0,24]', sort: '["companyName","ASC"]' });

  it('creates a client with a valid RFC and records it in the trail', async () => {
    const created = await createClient(agent, csrf, {
      clientKey: 'sat970701nn3',
      companyName: 'Servicio de Administración Tributaria',
      phone: '+52 (55) 6272-2728',
      email: 'Contacto@SAT.example',
    });
    expect(created).toMatchObject({
      clientKey: 'SAT970701NN3',
      email: 'contacto@sat.example',
      status: 'active',
      language: 'es',
    });
    const log = await agent.get(`/api/clients/${created.id}/activity`);
    expect(log.headers['content-range']).toBe('activity 0-0/1');
    expect(log.body[0]).toMatchObject({
      action: 'client.created',
      clientId: created.id,
      details: { clientKey: 'SAT970701NN3' },
    });
  });

  it('refuses a bad RFC, a taken key and bad fields with 400/409 in the caller language, changing nothing', async () => {
    const bad = await agent.post('/api/clients').set('X-CSRF-Token', csrf).set('Accept-Language', 'es').send({
      clientKey: 'SAT970701NN4',
      companyName: 'X',
      firstName: 'A',
      lastName: 'B',
      email: 'a@b.example',
      country: 'MX',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      code: 'CLIENT_KEY_INVALID',
      errors: { clientKey: expect.stringContaining('RFC válido') },
    });
    const taken = await agent.post('/api/clients').set('X-CSRF-Token', csrf).send({
      clientKey: 'SAT970701NN3',
      companyName: 'Copy',
      firstName: 'A',
      lastName: 'B',
      email: 'a@b.example',
      country: 'MX',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toHaveProperty('clientKey');
    const fields = await agent
      .post('/api/clients')
      .set('X-CSRF-Token', csrf)
      .send({ clientKey: '', email: 'nope', country: 'ZZ', phone: 'call me' });
    expect(fields.status).toBe(400);
    expect(Object.keys(fields.body.errors)).toEqual(
      expect.arrayContaining(['clientKey', 'companyName', 'email', 'country', 'phone']),
    );
    expect((await search('Copy')).body).toEqual([]);
    const existing = await createClient(agent, csrf);
    const cleared = await agent
      .put(`/api/clients/${existing.id}`)
      .set('X-CSRF-Token', csrf)
      .send({ companyName: null, phone: '' });
    expect(cleared.status).toBe(400);
    expect(Object.keys(cleared.body.errors)).toEqual(['companyName']);
    expect((await agent.get(`/api/clients/${existing.id}`)).body.companyName).toBe(existing.companyName);
  });

  it('finds a client by company, contact name, email, key and phone, accents and case aside', async () => {
    const client = await createClient(agent, csrf, {
      companyName: 'Panadería La Espiga',
      firstName: 'José',
      lastName: 'Peña Núñez',
      email: 'jose.pena@espiga.example',
      phone: '+52 55 1234 5678',
    });
    for (const q of [
      'espiga',
      'PANAD',
      'pena',
      'Peña',
      'José Peña',
      'jose.pena@esp',
      'espiga.example',
      client.clientKey.slice(0, 6).toLowerCase(),
      '55 1234',
      '5512345678',
    ]) {
      const found = await search(q);
      expect(found.status, q).toBe(200);
      expect(
        found.body.map((c: { id: number }) => c.id),
        q,
      ).toContain(client.id);
    }
    expect((await search('espiga zzz')).body).toEqual([]);
    const renamed = await agent
      .put(`/api/clients/${client.id}`)
      .set('X-CSRF-Token', csrf)
      .send({ companyName: 'Pastelería Aurora' });
    expect(renamed.body.companyName).toBe('Pastelería Aurora');
    expect((await search('espiga p')).body.map((c: { id: number }) => c.id)).toEqual([client.id]);
    expect((await search('panaderia')).body).toEqual([]);
    expect((await search('aurora')).body.map((c: { id: number }) => c.id)).toEqual([client.id]);
  });

  it('finds a whole name in company-name order, whether it starts one indexed name or several', async () => {
    const names = (response: { body: Array<{ companyName: string }> }) => response.body.map((c) => c.companyName);
    // Two clients whose contact is "Quiroga Zendejas": one indexed name, read in name order.
    await createClient(agent, csrf, { companyName: 'Zapatería Norte', firstName: 'Ana', lastName: 'Quiroga Zendejas' });
    await createClient(agent, csrf, { companyName: 'Abarrotes Sur', firstName: 'Eva', lastName: 'Quiroga Zendejas' });
    const one = await search('quiroga zendejas');
    expect(names(one)).toEqual(['Abarrotes Sur', 'Zapatería Norte']);
    expect(one.headers['content-range']).toBe('clients 0-1/2');
    const descending = await agent
      .get('/api/clients')
      .query({ filter: '{"q":"Quiroga Zendejas"}', range: '[1,1]', sort: '["companyName","DESC"]' });
    expect(names(descending)).toEqual(['Abarrotes Sur']);
    expect(descending.headers['content-range']).toBe('clients 1-1/2');
    // A company named so adds "quiroga zendejas s a": several names start with the words now.
    await createClient(agent, csrf, { companyName: 'Quiroga Zendejas S.A.' });
    const several = await search('Quiroga Zendejas');
    expect(names(several)).toEqual(['Abarrotes Sur', 'Quiroga Zendejas S.A.', 'Zapatería Norte']);
    expect(several.headers['content-range']).toBe('clients 0-2/3');
  });

  it('filters by status, sorts, pages with Content-Range and refuses unknown sort fields', async () => {
    for (const name of ['Zeta Uno', 'Zeta Dos', 'Zeta Tres']) await createClient(agent, csrf, { companyName: name });
    const page = await agent
      .get('/api/clients')
      .query({ filter: '{"q":"zeta"}', sort: '["companyName","DESC"]', range: '[0,1]' });
    expect(page.headers['content-range']).toBe('clients 0-1/3');
    expect(page.body.map((c: { companyName: string }) => c.companyName)).toEqual(['Zeta Uno', 'Zeta Tres']);
    const [first] = page.body;
    await agent.put(`/api/clients/${first.id}`).set('X-CSRF-Token', csrf).send({ status: 'inactive' }).expect(200);
    expect((await search('zeta', { status: 'inactive' })).body.map((c: { id: number }) => c.id)).toEqual([first.id]);
    expect((await agent.get('/api/clients').query({ sort: '["password","ASC"]' })).status).toBe(400);
  });

  it('keeps the first 1,000 matches of a very common word by name and says so', async () => {
    const rows = Array.from({ length: 1005 }, (_, i) => i);
    const [{ next }] = await t.dataSource.query('SELECT COALESCE(MAX(id), 0) + 1 AS next FROM clients');
    const first = Number(next);
    for (let start = 0; start < rows.length; start += 250) {
      const batch = rows.slice(start, start + 250);
      await t.dataSource.query(
        `INSERT INTO clients (id, client_key, company_name, first_name, last_name, email, phone, country, language, status) VALUES ${batch.map(() => "(?, ?, ?, 'A', 'B', 'x@y.example', '', 'CO', 'es', 'active')").join(', ')}`,
        batch.flatMap((i) => [first + i, `CO${900000000 + i}`, `Comun ${i}`]),
      );
      await t.dataSource.query(
        `INSERT INTO client_search_terms (term, client_id, company_name) VALUES ${batch.map(() => "('zzcomun', ?, ?)").join(', ')}`,
        batch.flatMap((i) => [first + i, `Comun ${i}`]),
      );
    }
    await t.dataSource.query(
      `INSERT INTO client_search_terms (term, client_id, company_name) VALUES ('zzunico', ?, 'Comun 1004')`,
      [first + 1004],
    );
    // The last one in: outside the first thousand read, first by name all the same.
    await t.dataSource.query(
      `INSERT INTO clients (id, client_key, company_name, first_name, last_name, email, phone, country, language, status) VALUES (?, 'CO899999999', 'Aarón Comun', 'A', 'B', 'x@y.example', '', 'CO', 'es', 'active')`,
      [first + 1005],
    );
    await t.dataSource.query(
      `INSERT INTO client_search_terms (term, client_id, company_name) VALUES ('zzcomun', ?, 'Aarón Comun')`,
      [first + 1005],
    );
    const names = (response: { body: Array<{ companyName: string }> }) => response.body.map((c) => c.companyName);
    const common = await search('zzcomun');
    expect(common.headers['content-range']).toBe('clients 0-24/1000');
    expect(common.headers['x-search-capped']).toBe('true');
    expect(names(common).slice(0, 3)).toEqual(['Aarón Comun', 'Comun 0', 'Comun 1']);
    const descending = await agent
      .get('/api/clients')
      .query({ filter: '{"q":"zzcomun"}', range: '[0,1]', sort: '["companyName","DESC"]' });
    expect(names(descending)).toEqual(['Comun 999', 'Comun 998']);
    // A prefix of the word ("zzcomu"): the first thousand matches read, sorted, capped all the same.
    const prefix = await search('zzcomu');
    expect(prefix.headers['content-range']).toBe('clients 0-24/1000');
    expect(prefix.headers['x-search-capped']).toBe('true');
    const page = (range: string) =>
      agent.get('/api/clients').query({ filter: '{"q":"zzcomun"}', range, sort: '["companyName","ASC"]' });
    const last = await page('[990,1014]');
    expect(last.headers['content-range']).toBe('clients 990-999/1000');
    const past = await page('[1000,1024]');
    expect(past.body).toEqual([]);
    expect(past.headers['content-range']).toBe('clients 1000-1000/1000');
    const narrowed = await search('zzcomun zzunico');
    expect(narrowed.body.map((c: { id: number }) => c.id)).toEqual([first + 1004]);
    expect(narrowed.headers['x-search-capped']).toBeUndefined();
  });

  it('shows a profile summary and answers 404 for an unknown client', async () => {
    const client = await createClient(agent, csrf, { email: 'owner@summary.example' });
    const summary = await agent.get(`/api/clients/${client.id}/summary`);
    expect(summary.body).toMatchObject({
      client: { id: client.id },
      owner: null,
      registeredAddresses: ['owner@summary.example'],
      openTickets: [],
      stickyNotes: [],
      latestActivity: [{ action: 'client.created' }],
    });
    const missing = await agent.get('/api/clients/999999').set('Accept-Language', 'es');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('El cliente que buscas no existe.');
    expect((await agent.put('/api/clients/999999').set('X-CSRF-Token', csrf).send({ phone: '1' })).status).toBe(404);
  });

  it('lets staff without clients.edit read but not write (403)', async () => {
    const { agent: session, csrf: readerCsrf } = await signInWithPermissions(t, [Permission.ClientsView]);
    expect((await session.get('/api/clients')).status).toBe(200);
    const refused = await session.post('/api/clients').set('X-CSRF-Token', readerCsrf).send({
      clientKey: uniqueRfc(),
      companyName: 'X',
      firstName: 'A',
      lastName: 'B',
      email: 'a@b.example',
      country: 'MX',
    });
    expect(refused.status).toBe(403);
  });
});
