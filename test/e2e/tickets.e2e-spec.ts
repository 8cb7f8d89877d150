import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Permission, type TicketResponse } from '@keydesk/domain';

import { createClient } from '../factories/client.factory';
import { createStaff, CreatedStaff, signInWithPermissions } from '../factories/staff.factory';
import { createClientUser, createTicket } from '../factories/ticket.factory';
import { signIn } from '../support/sign-in';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

describe.each(TEST_DATABASES)('tickets on %s', (kind) => {
  let t: TestApp;
  let staff: CreatedStaff;
  let agent: request.Agent;
  let csrf: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    staff = await createStaff(t, 'Agent', { displayName: 'Paola Soporte' });
    agent = t.http();
    csrf = await signIn(agent, staff.username, staff.password);
  });
  afterAll(async () => {
    await t?.close();
  });

  const queue = (filter: Record<string, unknown>, sort?: [string, string]) =>
    agent
      .get('/api/tickets')
      .query({ filter: JSON.stringify(filter), ...(sort ? { sort: JSON.stringify(sort) } : {}) });
  const ids = (response: request.Response) => (response.body as TicketResponse[]).map((ticket) => ticket.id);
  const update = (id: number, body: Record<string, unknown>) =>
    agent.put(`/api/tickets/${id}`).set('X-CSRF-Token', csrf).send(body);
  const post = (id: number, body: Record<string, unknown>) =>
    agent.post(`/api/tickets/${id}/messages`).set('X-CSRF-Token', csrf).send(body);

  it('opens a ticket with its first staff message and records it in the client Log', async () => {
    const client = await createClient(agent, csrf, { companyName: 'Papelería El Lápiz' });
    const created = await agent.post('/api/tickets').set('X-CSRF-Token', csrf).send({
      clientId: client.id,
      subject: '  No puedo entrar  ',
      message: 'Se envió el enlace de restablecimiento.',
      department: 'support',
      priority: 'high',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      clientId: client.id,
      companyName: 'Papelería El Lápiz',
      userId: null,
      subject: 'No puedo entrar',
      department: 'support',
      priority: 'high',
      status: 'open',
      assignedStaffId: null,
      lastReplyAt: t.clock.now().toISOString(),
    });
    expect((await agent.get(`/api/tickets/${created.body.id}`)).body).toEqual(created.body);
    const messages = await agent.get(`/api/tickets/${created.body.id}/messages`);
    expect(messages.headers['content-range']).toBe('messages 0-0/1');
    expect(messages.body).toEqual([
      expect.objectContaining({
        ticketId: created.body.id,
        authorType: 'staff',
        authorName: 'Paola Soporte',
        body: 'Se envió el enlace de restablecimiento.',
        internal: false,
      }),
    ]);
    const log = await agent.get(`/api/clients/${client.id}/activity`);
    expect(log.body[0]).toMatchObject({
      action: 'ticket.opened',
      clientId: client.id,
      subjectType: 'ticket',
      subjectId: String(created.body.id),
      subjectName: 'No puedo entrar',
      details: { department: 'support', priority: 'high', userId: null },
    });
    const summary = await agent.get(`/api/clients/${client.id}/summary`);
    expect(summary.body.openTickets.map((ticket: TicketResponse) => ticket.id)).toEqual([created.body.id]);
  });

  it("opens a ticket for one of the client's users, and refuses a user of another client (400 on the field)", async () => {
    const client = await createClient(agent, csrf);
    const other = await createClient(agent, csrf);
    const userId = await createClientUser(agent, csrf, client.id);
    const strangerId = await createClientUser(agent, csrf, other.id);
    const ticket = await createTicket(agent, csrf, client.id, { userId });
    expect(ticket.userId).toBe(userId);
    const refused = await agent.post('/api/tickets').set('X-CSRF-Token', csrf).send({
      clientId: client.id,
      userId: strangerId,
      subject: 'X',
      message: 'Y',
      department: 'support',
      priority: 'low',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { userId: 'This value is not valid.' } });
    expect(ids(await queue({ userId }))).toEqual([ticket.id]);
    expect(ids(await queue({ clientId: client.id }))).toEqual([ticket.id]);
  });

  it('refuses bad tickets with 400 per field and an unknown client with 404', async () => {
    const bad = await agent.post('/api/tickets').set('X-CSRF-Token', csrf).send({
      clientId: 'uno',
      subject: ' ',
      message: '',
      department: 'legal',
      priority: 'whenever',
      userId: 0,
      status: 'closed',
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual([
      'clientId',
      'department',
      'message',
      'priority',
      'status',
      'subject',
      'userId',
    ]);
    const tooLong = await agent
      .post('/api/tickets')
      .set('X-CSRF-Token', csrf)
      .send({
        clientId: 1,
        subject: 's'.repeat(256),
        message: 'm'.repeat(20_001),
        department: 'support',
        priority: 'low',
      });
    expect(Object.keys(tooLong.body.errors).sort()).toEqual(['message', 'subject']);
    const unknown = await agent
      .post('/api/tickets')
      .set('X-CSRF-Token', csrf)
      .set('Accept-Language', 'es')
      .send({ clientId: 999999, subject: 'X', message: 'Y', department: 'support', priority: 'low' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('El cliente que buscas no existe.');
    expect((await agent.get('/api/tickets/999999')).status).toBe(404);
  });

  it('filters the queue by status (one or several), department, client, assignee and subject words', async () => {
    const client = await createClient(agent, csrf);
    const other = await createClient(agent, csrf);
    const login = await createTicket(agent, csrf, client.id, {
      subject: 'No puedo iniciar sesión',
      department: 'support',
    });
    const invoice = await createTicket(agent, csrf, client.id, {
      subject: 'Factura con RFC_incorrecto 100%',
      department: 'billing',
    });
    const held = await createTicket(agent, csrf, client.id, { subject: 'Cambio de plan', department: 'sales' });
    const foreign = await createTicket(agent, csrf, other.id, {
      subject: 'No puedo iniciar sesión',
      department: 'support',
    });
    await update(held.id, { status: 'on_hold', assignedStaffId: staff.id }).expect(200);
    await update(invoice.id, { status: 'customer_reply' }).expect(200);

    const mine = { clientId: client.id };
    expect(ids(await queue({ ...mine, status: 'open' }))).toEqual([login.id]);
    expect(ids(await queue({ ...mine, status: ['customer_reply', 'on_hold'] }, ['id', 'ASC']))).toEqual([
      invoice.id,
      held.id,
    ]);
    expect(ids(await queue({ ...mine, department: 'billing' }))).toEqual([invoice.id]);
    expect(ids(await queue({ assignedStaffId: staff.id }))).toEqual([held.id]);
    expect(ids(await queue({ q: 'iniciar SESIÓN' }, ['id', 'ASC']))).toEqual([login.id, foreign.id]);
    expect(ids(await queue({ q: 'iniciar sesión', clientId: other.id }))).toEqual([foreign.id]);
    expect(ids(await queue({ q: 'rfc_incorrecto 100%' }))).toEqual([invoice.id]);
    expect(ids(await queue({ q: '_' }))).toEqual([invoice.id]);
    expect(ids(await queue({ id: [login.id, foreign.id] }, ['id', 'ASC']))).toEqual([login.id, foreign.id]);

    const page = await queue(mine, ['id', 'DESC']).query({ range: '[1,1]' });
    expect(page.headers['content-range']).toBe('tickets 1-1/3');
    expect(ids(page)).toEqual([invoice.id]);
    const rows = (await queue(mine)).body as TicketResponse[];
    expect(rows.every((row) => row.companyName === client.companyName)).toBe(true);

    for (const filter of [
      { status: 'lost' },
      { status: ['open', 1] },
      { department: 'legal' },
      { clientId: 'abc' },
      { assignedStaffId: -2 },
    ]) {
      const refused = await queue(filter);
      expect(refused.status, JSON.stringify(filter)).toBe(400);
      expect(Object.keys(refused.body.errors)).toEqual([`filter.${Object.keys(filter)[0]}`]);
    }
    expect((await queue({}, ['subject', 'ASC'])).status).toBe(400);
  });

  it('sorts the queue by latest reply by default, and by priority and status in their catalogue order', async () => {
    const client = await createClient(agent, csrf);
    const low = await createTicket(agent, csrf, client.id, { priority: 'low' });
    t.clock.advance(2000);
    const urgent = await createTicket(agent, csrf, client.id, { priority: 'urgent' });
    t.clock.advance(2000);
    const medium = await createTicket(agent, csrf, client.id, { priority: 'medium' });
    t.clock.advance(2000);
    const high = await createTicket(agent, csrf, client.id, { priority: 'high' });
    const mine = { clientId: client.id };
    expect(ids(await queue(mine))).toEqual([high.id, medium.id, urgent.id, low.id]);
    expect(ids(await queue(mine, ['lastReplyAt', 'ASC']))).toEqual([low.id, urgent.id, medium.id, high.id]);
    expect(ids(await queue(mine, ['priority', 'DESC']))).toEqual([urgent.id, high.id, medium.id, low.id]);
    t.clock.advance(2000);
    await post(low.id, { body: 'Respondido' }).expect(201);
    expect(ids(await queue(mine))[0]).toBe(low.id);
    await update(medium.id, { status: 'closed' }).expect(200);
    expect(ids(await queue(mine, ['status', 'ASC']))).toEqual([urgent.id, high.id, low.id, medium.id]);
    expect(ids(await queue(mine, ['createdAt', 'ASC']))).toHaveLength(4);
  });

  it('routes a ticket (status, priority, department, assignee) with a before/after entry in the Log', async () => {
    const client = await createClient(agent, csrf);
    const ticket = await createTicket(agent, csrf, client.id, { priority: 'low', department: 'support' });
    const routed = await update(ticket.id, {
      priority: 'urgent',
      department: 'technical',
      assignedStaffId: staff.id,
      status: 'open',
    });
    expect(routed.status).toBe(200);
    expect(routed.body).toMatchObject({
      priority: 'urgent',
      department: 'technical',
      assignedStaffId: staff.id,
      status: 'open',
      companyName: client.companyName,
    });
    const unassigned = await update(ticket.id, { assignedStaffId: null });
    expect(unassigned.body.assignedStaffId).toBeNull();
    expect((await update(ticket.id, { priority: 'urgent' })).status).toBe(200);

    const log = await agent.get(`/api/clients/${client.id}/activity`);
    const updates = log.body.filter((e: { action: string }) => e.action === 'ticket.updated');
    expect(updates).toHaveLength(2);
    expect(updates[1]).toMatchObject({
      clientId: client.id,
      subjectId: String(ticket.id),
      details: {
        changes: {
          priority: { from: 'low', to: 'urgent' },
          department: { from: 'support', to: 'technical' },
          assignedStaffId: { from: null, to: staff.id },
        },
      },
    });
    expect(updates[1].details.changes).not.toHaveProperty('status');
    expect(updates[0].details).toEqual({ changes: { assignedStaffId: { from: staff.id, to: null } } });
  });

  it('refuses assigning to a disabled or unknown staff member and bad fields with 400, an unknown ticket with 404', async () => {
    const client = await createClient(agent, csrf);
    const ticket = await createTicket(agent, csrf, client.id);
    const leaver = await createStaff(t, 'Agent');
    const admin = t.http();
    const adminCsrf = await signIn(admin, t.admin.username, t.admin.password);
    await admin.put(`/api/staff/${leaver.id}`).set('X-CSRF-Token', adminCsrf).send({ status: 'disabled' }).expect(200);
    for (const assignedStaffId of [leaver.id, 999999]) {
      const refused = await update(ticket.id, { assignedStaffId });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual({ assignedStaffId: 'This value is not valid.' });
    }
    const bad = await update(ticket.id, {
      status: null,
      priority: 'whenever',
      department: 7,
      assignedStaffId: 'me',
      subject: 'Nuevo',
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual([
      'assignedStaffId',
      'department',
      'priority',
      'status',
      'subject',
    ]);
    expect((await agent.get(`/api/tickets/${ticket.id}`)).body).toEqual(ticket);
    expect((await update(999999, { status: 'closed' })).status).toBe(404);
  });

  it('moves a ticket to answered on a public reply; an internal note changes nothing and stays marked internal', async () => {
    const client = await createClient(agent, csrf);
    const ticket = await createTicket(agent, csrf, client.id);
    await update(ticket.id, { status: 'customer_reply' }).expect(200);
    t.clock.advance(5000);
    const note = await post(ticket.id, { body: 'Verificar RFC antes de responder.', internal: true });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({
      ticketId: ticket.id,
      authorType: 'staff',
      authorName: 'Paola Soporte',
      internal: true,
    });
    const afterNote = (await agent.get(`/api/tickets/${ticket.id}`)).body;
    expect(afterNote).toMatchObject({ status: 'customer_reply', lastReplyAt: ticket.lastReplyAt });

    t.clock.advance(5000);
    const reply = await post(ticket.id, { body: '  Listo: revise su correo.  ' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ body: 'Listo: revise su correo.', internal: false });
    const afterReply = (await agent.get(`/api/tickets/${ticket.id}`)).body;
    expect(afterReply).toMatchObject({ status: 'answered', lastReplyAt: t.clock.now().toISOString() });

    const thread = await agent.get(`/api/tickets/${ticket.id}/messages`);
    expect(thread.body.map((m: { internal: boolean }) => m.internal)).toEqual([false, true, false]);
    const visible = await agent.get(`/api/tickets/${ticket.id}/messages`).query({ filter: '{"internal":false}' });
    expect(visible.headers['content-range']).toBe('messages 0-1/2');
    expect(visible.body.map((m: { id: number }) => m.id)).not.toContain(note.body.id);
    const internal = await agent.get(`/api/tickets/${ticket.id}/messages`).query({ filter: '{"internal":true}' });
    expect(internal.body.map((m: { id: number }) => m.id)).toEqual([note.body.id]);
    const newest = await agent
      .get(`/api/tickets/${ticket.id}/messages`)
      .query({ sort: '["id","DESC"]', range: '[0,0]' });
    expect(newest.body.map((m: { id: number }) => m.id)).toEqual([reply.body.id]);

    // Staff actions only: the mail worker's email.sent entries may land between them.
    const log = await agent.get(`/api/clients/${client.id}/activity`);
    log.body = log.body.filter((entry: { action: string }) => entry.action !== 'email.sent');
    expect(log.body.slice(0, 2)).toMatchObject([
      {
        action: 'ticket.replied',
        clientId: client.id,
        details: { messageId: reply.body.id, internal: false, status: { from: 'customer_reply', to: 'answered' } },
      },
      {
        action: 'ticket.note_added',
        clientId: client.id,
        details: { messageId: note.body.id, internal: true, length: 33 },
      },
    ]);
    expect(log.body[1].details).not.toHaveProperty('status');
  });

  it('refuses bad messages with 400 per field and answers 404 for an unknown ticket', async () => {
    const client = await createClient(agent, csrf);
    const ticket = await createTicket(agent, csrf, client.id);
    const bad = await post(ticket.id, { body: '   ', internal: 'yes' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['body', 'internal']);
    expect((await post(ticket.id, { body: 'x'.repeat(20_001) })).body.errors).toEqual({
      body: 'Must be at most 20000 characters.',
    });
    expect((await post(ticket.id, { body: 'Hola', internal: null })).status).toBe(400);
    expect((await post(ticket.id, { body: 'Hola', authorType: 'customer' })).body.errors).toEqual({
      authorType: 'This field is not accepted.',
    });
    expect((await agent.get(`/api/tickets/${ticket.id}/messages`).query({ filter: '{"internal":"no"}' })).status).toBe(
      400,
    );
    expect((await agent.get(`/api/tickets/${ticket.id}/messages`)).body).toHaveLength(1);
    expect((await agent.get(`/api/tickets/${ticket.id}`)).body.status).toBe('open');
    expect((await post(999999, { body: 'Hola' })).status).toBe(404);
    const missing = await agent.get('/api/tickets/999999/messages');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('The ticket you asked for does not exist.');
  });

  it('lets staff without tickets.reply read the queue and threads but not open, route or answer tickets (403)', async () => {
    const client = await createClient(agent, csrf);
    const ticket = await createTicket(agent, csrf, client.id);
    const { agent: session, csrf: readerCsrf } = await signInWithPermissions(t, [
      Permission.ClientsView,
      Permission.TicketsView,
    ]);
    expect((await session.get('/api/tickets')).status).toBe(200);
    expect((await session.get(`/api/tickets/${ticket.id}`)).status).toBe(200);
    expect((await session.get(`/api/tickets/${ticket.id}/messages`)).status).toBe(200);
    const opened = await session
      .post('/api/tickets')
      .set('X-CSRF-Token', readerCsrf)
      .send({ clientId: client.id, subject: 'X', message: 'Y', department: 'support', priority: 'low' });
    expect(opened.status).toBe(403);
    expect(opened.body).toMatchObject({
      code: 'FORBIDDEN',
      message: 'You do not have permission to do this (tickets.reply).',
    });
    expect(
      (await session.put(`/api/tickets/${ticket.id}`).set('X-CSRF-Token', readerCsrf).send({ status: 'closed' }))
        .status,
    ).toBe(403);
    expect(
      (await session.post(`/api/tickets/${ticket.id}/messages`).set('X-CSRF-Token', readerCsrf).send({ body: 'Hola' }))
        .status,
    ).toBe(403);
    expect((await agent.get(`/api/tickets/${ticket.id}`)).body).toEqual(ticket);
  });
});
