import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createClient } from '../factories/client.factory';
import { createStaff } from '../factories/staff.factory';
import { signIn } from '../support/sign-in';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

interface Session {
  id: number;
  http: request.Agent;
  csrf: string;
}

describe.each(TEST_DATABASES)('notes on %s', (kind) => {
  let t: TestApp;
  let author: Session;
  let colleague: Session;

  const session = async (role: 'Agent', displayName: string): Promise<Session> => {
    const staff = await createStaff(t, role, { displayName });
    const http = t.http();
    return { id: staff.id, http, csrf: await signIn(http, staff.username, staff.password) };
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    author = await session('Agent', 'Lucía Ramos');
    colleague = await session('Agent', 'Jorge Pérez');
  });
  afterAll(async () => {
    await t?.close();
  });

  const notesOf = (clientId: number) => `/api/clients/${clientId}/notes`;
  const addNote = (as: Session, clientId: number, body: Record<string, unknown>) =>
    as.http.post(notesOf(clientId)).set('X-CSRF-Token', as.csrf).send(body);
  const editNote = (as: Session, clientId: number, noteId: number, body: Record<string, unknown>) =>
    as.http
      .put(`${notesOf(clientId)}/${noteId}`)
      .set('X-CSRF-Token', as.csrf)
      .send(body);

  it('adds notes signed by their author and lists them sticky first, then newest first, editable for the author only', async () => {
    const client = await createClient(author.http, author.csrf);
    const first = await addNote(author, client.id, { body: '  Llamar después de las 16:00.  ' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      clientId: client.id,
      staffId: author.id,
      authorName: 'Lucía Ramos',
      body: 'Llamar después de las 16:00.',
      sticky: false,
      editable: true,
    });
    const pinned = await addNote(colleague, client.id, { body: 'Cliente con RFC en revisión.', sticky: true });
    const latest = await addNote(author, client.id, { body: 'Pidió factura de octubre.' });

    const list = await author.http.get(notesOf(client.id));
    expect(list.headers['content-range']).toBe('notes 0-2/3');
    expect(list.body.map((n: { id: number }) => n.id)).toEqual([pinned.body.id, latest.body.id, first.body.id]);
    expect(list.body.map((n: { editable: boolean }) => n.editable)).toEqual([false, true, true]);
    const theirs = await colleague.http.get(notesOf(client.id)).query({ range: '[1,2]' });
    expect(theirs.headers['content-range']).toBe('notes 1-2/3');
    expect(theirs.body.map((n: { editable: boolean }) => n.editable)).toEqual([false, false]);
    const oldest = await author.http.get(notesOf(client.id)).query({ sort: '["id","ASC"]' });
    expect(oldest.body.map((n: { id: number }) => n.id)).toEqual([pinned.body.id, first.body.id, latest.body.id]);
    expect((await colleague.http.get(`${notesOf(client.id)}/${first.body.id}`)).body).toMatchObject({
      id: first.body.id,
      editable: false,
    });

    const summary = await author.http.get(`/api/clients/${client.id}/summary`);
    expect(summary.body.stickyNotes).toEqual([
      expect.objectContaining({ id: pinned.body.id, body: 'Cliente con RFC en revisión.', editable: false }),
    ]);
  });

  it('lets only the author change the body (403 NOT_YOUR_NOTE) and anyone with clients.edit pin it', async () => {
    const client = await createClient(author.http, author.csrf);
    const note = await addNote(author, client.id, { body: 'Texto original' });
    const edited = await editNote(author, client.id, note.body.id, { body: 'Texto corregido' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: 'Texto corregido', sticky: false, editable: true });

    const refused = await editNote(colleague, client.id, note.body.id, { body: 'Otra cosa', sticky: true }).set(
      'Accept-Language',
      'es',
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_YOUR_NOTE');
    expect(refused.body.message).toBe('Solo quien escribió la nota puede editarla.');

    const pinned = await editNote(colleague, client.id, note.body.id, { sticky: true });
    expect(pinned.status).toBe(200);
    expect(pinned.body).toMatchObject({ body: 'Texto corregido', sticky: true, editable: false });
    // A form sending the body back unchanged is only a pin change.
    const unpinned = await editNote(colleague, client.id, note.body.id, { body: 'Texto corregido', sticky: false });
    expect(unpinned.status).toBe(200);
    expect(unpinned.body.sticky).toBe(false);

    const log = await author.http.get(`/api/clients/${client.id}/activity`);
    const notes = log.body.filter((e: { subjectType: string }) => e.subjectType === 'note');
    expect(notes.map((e: { action: string }) => e.action)).toEqual([
      'note.edited',
      'note.edited',
      'note.edited',
      'note.added',
    ]);
    expect(notes[3]).toMatchObject({
      clientId: client.id,
      actorName: 'Lucía Ramos',
      details: { sticky: false, length: 14, excerpt: 'Texto original' },
    });
    expect(notes[2].details).toEqual({
      changes: { body: { from: 'Texto original', to: 'Texto corregido' } },
      sticky: false,
      length: 15,
    });
    expect(notes[1]).toMatchObject({
      actorName: 'Jorge Pérez',
      details: { changes: { sticky: { from: false, to: true } } },
    });
  });

  it('keeps only a short excerpt of a long note in the Log', async () => {
    const client = await createClient(author.http, author.csrf);
    await addNote(author, client.id, { body: `${'palabra '.repeat(500)}fin` }).expect(201);
    const [entry] = (await author.http.get(`/api/clients/${client.id}/activity`)).body;
    expect(entry.action).toBe('note.added');
    expect(entry.details.length).toBe(4003);
    expect([...entry.details.excerpt]).toHaveLength(80);
  });

  it('refuses bad input and unknown fields with 400 per field', async () => {
    const client = await createClient(author.http, author.csrf);
    const empty = await addNote(author, client.id, { body: '   ', sticky: 'yes' });
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.errors).sort()).toEqual(['body', 'sticky']);
    const long = await addNote(author, client.id, { body: 'x'.repeat(5001) });
    expect(long.body.errors).toEqual({ body: 'Must be at most 5000 characters.' });
    expect((await addNote(author, client.id, { body: 'x'.repeat(5000) })).status).toBe(201);
    const unknown = await addNote(author, client.id, { body: 'Hola', authorName: 'Alguien más' });
    expect(unknown.body.errors).toEqual({ authorName: 'This field is not accepted.' });
    const note = await addNote(author, client.id, { body: 'Hola' });
    const nulled = await editNote(author, client.id, note.body.id, { body: null, sticky: null });
    expect(nulled.status).toBe(400);
    expect(Object.keys(nulled.body.errors).sort()).toEqual(['body', 'sticky']);
    expect((await editNote(author, client.id, note.body.id, { staffId: colleague.id })).status).toBe(400);
    expect((await author.http.get(notesOf(client.id)).query({ sort: '["body","ASC"]' })).status).toBe(400);
  });

  it("answers 404 for an unknown client, an unknown note and another client's note", async () => {
    const client = await createClient(author.http, author.csrf);
    const other = await createClient(author.http, author.csrf);
    const foreign = await addNote(author, other.id, { body: 'De otro cliente' });
    expect((await author.http.get(notesOf(999999))).status).toBe(404);
    expect((await addNote(author, 999999, { body: 'Hola' })).status).toBe(404);
    for (const id of [999999, foreign.body.id]) {
      const read = await author.http.get(`${notesOf(client.id)}/${id}`);
      expect(read.status).toBe(404);
      expect(read.body.message).toBe('The note you asked for does not exist.');
      expect((await editNote(author, client.id, id, { sticky: true })).status).toBe(404);
    }
  });

  it('lets staff without clients.edit read notes but not add or pin them (403)', async () => {
    const client = await createClient(author.http, author.csrf);
    const note = await addNote(author, client.id, { body: 'Sólo lectura' });
    const admin = t.http();
    const adminCsrf = await signIn(admin, t.admin.username, t.admin.password);
    const role = await admin
      .post('/api/roles')
      .set('X-CSRF-Token', adminCsrf)
      .send({ name: 'Notes reader', description: '', permissions: ['clients.view'] });
    const staff = await createStaff(t, 'Agent');
    await admin
      .put(`/api/staff/${staff.id}`)
      .set('X-CSRF-Token', adminCsrf)
      .send({ roleIds: [role.body.id] })
      .expect(200);
    const http = t.http();
    const readerSession: Session = { id: staff.id, http, csrf: await signIn(http, staff.username, staff.password) };
    expect((await readerSession.http.get(notesOf(client.id))).status).toBe(200);
    const refused = await addNote(readerSession, client.id, { body: 'Intento' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect((await editNote(readerSession, client.id, note.body.id, { sticky: true })).status).toBe(403);
    expect((await author.http.get(notesOf(client.id))).body.map((n: { sticky: boolean }) => n.sticky)).toEqual([false]);
  });
});
