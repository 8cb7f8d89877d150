import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  ActivityAction,
  Permission,
  type ActivityAnomaly,
  type ActivityDetailResponse,
  type ActivityListEntry,
  type PasswordActionStatsRow,
} from '@keydesk/domain';

import { ActivityIntegrityService } from '../../apps/api/src/modules/activity/activity-integrity.service';
import { ActivityRepository } from '../../apps/api/src/modules/activity/activity.repository';
import { createClient } from '../factories/client.factory';
import { createStaff, CreatedStaff, signInWithPermissions } from '../factories/staff.factory';
import { createTicket } from '../factories/ticket.factory';
import { addClientUser } from '../factories/user.factory';
import { approvedRequest } from '../support/assurance';
import { signIn } from '../support/sign-in';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

const DAY_MS = 24 * 3600_000;

describe.each(TEST_DATABASES)('the activity log on %s', (kind) => {
  let t: TestApp;
  let supervisor: request.Agent;
  let supervisorCsrf: string;
  let paola: CreatedStaff;
  let boss: CreatedStaff;
  let other: CreatedStaff;
  let paolaAgent: request.Agent;
  let paolaCsrf: string;
  let otherAgent: request.Agent;
  let otherCsrf: string;
  let client: { id: number; clientKey: string };
  let userId: number;
  let startedAt: string;

  beforeAll(async () => {
    // A low burst threshold, so three resets within an hour are flagged.
    t = await startTestApp(kind, {
      MAIL_WORKER_INTERVAL_MS: '0',
      ACTIVITY_BURST_THRESHOLD: '2',
      ACTIVITY_RECENT_SIGN_IN_MINUTES: '15',
    });
    startedAt = new Date(t.clock.nowMs() - 60_000).toISOString();
    boss = await createStaff(t, 'Supervisor', { displayName: 'Sofía Supervisora' });
    supervisor = t.http();
    supervisorCsrf = await signIn(supervisor, boss.username, boss.password, '10.9.9.9');
    paola = await createStaff(t, 'Agent', { displayName: 'Paola Soporte' });
    paolaAgent = t.http();
    paolaCsrf = await signIn(paolaAgent, paola.username, paola.password, '10.1.1.1');
    other = await createStaff(t, 'Agent', { displayName: 'Óscar Otro' });
    otherAgent = t.http();
    otherCsrf = await signIn(otherAgent, other.username, other.password, '10.2.2.2');

    client = await createClient(paolaAgent, paolaCsrf, { companyName: 'Ferretería El Tornillo S.A. de C.V.' });
    const user = await addClientUser(paolaAgent, paolaCsrf, client.id, {
      firstName: 'Rosa',
      lastName: 'Méndez',
      username: 'admin',
    });
    userId = user.id;
    await paolaAgent
      .put(`/api/clients/${client.id}`)
      .set('X-CSRF-Token', paolaCsrf)
      .send({ phone: '+52 55 1234 5678' })
      .expect(200);
    // Past the burst threshold, and past three on one user in a day, an action takes a supervisor's approval.
    const approver = { agent: supervisor, csrf: supervisorCsrf };
    for (let i = 0; i < 3; i += 1) {
      const approvalId =
        i < 2
          ? undefined
          : await approvedRequest({ agent: paolaAgent, csrf: paolaCsrf }, approver, {
              action: 'user.password_action_over_limit',
              userId,
            });
      await paolaAgent
        .post(`/api/users/${userId}/password-reset-email`)
        .set('X-CSRF-Token', paolaCsrf)
        .send({ reason: 'forgot', approvalId })
        .expect(202);
      t.clock.advanceMinutes(5);
    }
    const ticket = await createTicket(otherAgent, otherCsrf, client.id, { userId });
    const overLimit = await approvedRequest({ agent: otherAgent, csrf: otherCsrf }, approver, {
      action: 'user.password_action_over_limit',
      userId,
    });
    await otherAgent
      .post(`/api/users/${userId}/password`)
      .set('X-CSRF-Token', otherCsrf)
      .send({ generate: true, ticketId: ticket.id, reason: 'locked_out', approvalId: overLimit })
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** After the clock moved past the idle limit. */
  async function signInAgain(): Promise<void> {
    supervisor = t.http();
    supervisorCsrf = await signIn(supervisor, boss.username, boss.password, '10.9.9.9');
    otherAgent = t.http();
    otherCsrf = await signIn(otherAgent, other.username, other.password, '10.2.2.2');
    paolaAgent = t.http();
    paolaCsrf = await signIn(paolaAgent, paola.username, paola.password, '10.1.1.1');
  }

  async function list(filter: Record<string, unknown> = {}, extra: Record<string, string> = {}) {
    const response = await supervisor
      .get('/api/activity')
      .query({ filter: JSON.stringify(filter), range: '[0,49]', ...extra });
    expect(response.status, response.text).toBe(200);
    return {
      rows: response.body as ActivityListEntry[],
      next: response.headers['x-next-cursor'] as string | undefined,
      response,
    };
  }

  it('lists newest first and filters by staff member, action, client, user, period, IP and text', async () => {
    const all = await list();
    expect(all.rows.map((row) => row.seq)).toEqual([...all.rows.map((row) => row.seq)].sort((a, b) => b - a));
    expect(all.response.headers['content-range']).toMatch(/^activity 0-\d+\/\*$/);

    const paolasResets = await list({
      staffId: paola.id,
      action: ['user.password_reset_email_sent', 'user.password_set'],
    });
    expect(paolasResets.rows).toHaveLength(3);
    expect(
      paolasResets.rows.every(
        (row) => row.actorName === 'Paola Soporte' && row.action === 'user.password_reset_email_sent',
      ),
    ).toBe(true);

    const byClient = await list({ clientId: client.id });
    expect(new Set(byClient.rows.map((row) => row.clientId))).toEqual(new Set([client.id]));
    expect(byClient.rows.map((row) => row.action)).toEqual(
      expect.arrayContaining(['client.created', 'client.updated', 'user.password_set']),
    );

    const byUser = await list({ userId });
    expect(byUser.rows.map((row) => row.action)).toEqual(
      expect.arrayContaining(['user.created', 'user.password_reset_email_sent', 'user.password_set']),
    );
    expect(byUser.rows.every((row) => row.subjectId === String(userId) || row.actorId === String(userId))).toBe(true);

    const byIp = await list({ ip: '10.2.2.2' });
    expect(byIp.rows.length).toBeGreaterThan(0);
    expect(byIp.rows.every((row) => row.ip === '10.2.2.2')).toBe(true);

    expect((await list({ q: 'tornillo' })).rows.map((row) => row.action)).toContain('client.created');
    const named = (await list({ q: 'OTRO' })).rows;
    expect(named.map((row) => row.action)).toEqual(expect.arrayContaining(['staff.created', 'user.password_set']));
    expect(named.every((row) => `${row.actorName} ${row.subjectName}`.includes('Óscar Otro'))).toBe(true);
    // Accents and case aside, as supervisors type: "oscar" and "ÓSCAR" both find Óscar, on both dialects.
    for (const q of ['oscar otro', 'ÓSCAR'])
      expect((await list({ q })).rows.map((row) => row.id).sort(), q).toEqual(named.map((row) => row.id).sort());
    expect((await list({ q: 'tornillo s a' })).rows).toEqual([]);
    // Actions by the labels the log shows, in Spanish or English, as well as by their values.
    for (const q of ['Contraseña temporal establecida', 'temporary PASSWORD set', 'password_set']) {
      const found = (await list({ q })).rows;
      expect(found.length, q).toBeGreaterThan(0);
      expect(
        found.every((row) => row.action === 'user.password_set'),
        q,
      ).toBe(true);
    }
    expect((await list({ from: new Date(t.clock.nowMs() + DAY_MS).toISOString() })).rows).toEqual([]);
    expect(
      (await list({ from: startedAt, to: new Date(t.clock.nowMs() + 1000).toISOString(), action: 'user.password_set' }))
        .rows,
    ).toHaveLength(1);
  });

  it('reads each filter that one index serves (its own index on MariaDB) as the whole log filtered, below a cursor too', async () => {
    const everything = (await list({}, { range: '[0,999]' })).rows;
    expect(everything.length).toBeLessThan(1000);
    const passwordActions = ['user.password_reset_email_sent', 'user.password_set'];
    const byPaola = (row: ActivityListEntry) => row.actorType === 'staff' && row.actorId === String(paola.id);
    const shapes: Array<[Record<string, unknown>, (row: ActivityListEntry) => boolean]> = [
      [{ staffId: paola.id }, byPaola],
      [{ staffId: paola.id, action: passwordActions }, (row) => byPaola(row) && passwordActions.includes(row.action)],
      [{ staffId: paola.id, action: 'client.updated' }, (row) => byPaola(row) && row.action === 'client.updated'],
      [{ clientId: client.id }, (row) => row.clientId === client.id],
      [{ action: passwordActions }, (row) => passwordActions.includes(row.action)],
      [{ action: 'user.created' }, (row) => row.action === 'user.created'],
      [{ ip: '10.2.2.2' }, (row) => row.ip === '10.2.2.2'],
    ];
    for (const [filter, keeps] of shapes) {
      const expected = everything.filter(keeps).map((row) => row.seq);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(
        (await list(filter)).rows.map((row) => row.seq),
        JSON.stringify(filter),
      ).toEqual(expected);
      const below = await list(filter, { range: '[0,49]', cursor: String(expected[0]) });
      expect(
        below.rows.map((row) => row.seq),
        JSON.stringify(filter),
      ).toEqual(expected.slice(1));
    }
  });

  it("pages by cursor without offsets, and refuses bad filters in the caller's language", async () => {
    const first = await supervisor.get('/api/activity').query({ range: '[0,4]' }).expect(200);
    const cursor = first.headers['x-next-cursor'] as string;
    expect(Number(cursor)).toBe(first.body[4].seq);
    const second = await supervisor.get('/api/activity').query({ range: '[0,4]', cursor }).expect(200);
    expect(second.body[0].seq).toBe(Number(cursor) - 1);
    expect(second.body.every((row: ActivityListEntry) => row.seq < Number(cursor))).toBe(true);

    // Both sides of a user are read as one index range each and merged; the password actions are
    // one range per side (their action group), any other list of actions one range per action.
    const pageThrough = async (filter: string) => {
      const pages: number[][] = [];
      let next: string | undefined;
      do {
        const response = await supervisor
          .get('/api/activity')
          .query({ filter, range: '[0,1]', ...(next ? { cursor: next } : {}) })
          .expect(200);
        pages.push((response.body as ActivityListEntry[]).map((row) => row.seq));
        next = response.headers['x-next-cursor'] as string | undefined;
      } while (next);
      return pages.flat();
    };
    const usersOwn = (actions: string[]) =>
      list({ userId }).then(({ rows }) => rows.filter((row) => actions.includes(row.action)));
    const passwordActions = ['user.password_reset_email_sent', 'user.password_set'];
    const filter = JSON.stringify({ userId, action: passwordActions });
    const all = await usersOwn(passwordActions);
    expect(await pageThrough(filter)).toEqual(all.map((row) => row.seq));
    expect(all.length).toBeGreaterThanOrEqual(4);
    const offset = await supervisor.get('/api/activity').query({ filter, range: '[1,2]' }).expect(200);
    expect(offset.body.map((row: ActivityListEntry) => row.seq)).toEqual(all.slice(1, 3).map((row) => row.seq));
    const createdOrSet = ['user.created', 'user.password_set'];
    const mixed = await usersOwn(createdOrSet);
    expect(new Set(mixed.map((row) => row.action))).toEqual(new Set(createdOrSet));
    expect(await pageThrough(JSON.stringify({ userId, action: createdOrSet }))).toEqual(mixed.map((row) => row.seq));

    const deep = await supervisor.get('/api/activity').query({ range: '[5000,5049]' }).set('Accept-Language', 'es');
    expect(deep.status).toBe(400);
    expect(deep.body.errors.range).toContain('cursor');
    const bad = await supervisor
      .get('/api/activity')
      .query({ filter: JSON.stringify({ action: 'user.flew_away', from: 'yesterday', staffId: 'x' }) });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['filter.action', 'filter.from', 'filter.staffId']);
    await supervisor.get('/api/activity').query({ cursor: '-3' }).expect(400);
  });

  it('opens an entry with its changes, request context and reviews', async () => {
    const [updated] = (await list({ clientId: client.id, action: 'client.updated' })).rows;
    const detail = (await supervisor.get(`/api/activity/${updated.id}`).expect(200)).body as ActivityDetailResponse;
    expect(detail.changes).toEqual([{ field: 'phone', from: '+52 55 5555 0000', to: '+52 55 1234 5678' }]);
    expect(detail).toMatchObject({ actorName: 'Paola Soporte', reviewed: false, reviews: [] });
    expect(detail.ip).toBeTruthy();
    expect(detail.userAgent).not.toBeUndefined();
    await supervisor.get('/api/activity/00000000-0000-0000-0000-000000000000').expect(404);
    await supervisor.get('/api/activity/nonsense').expect(404);
  });

  it('records reviews of entries and of a period as audit entries, and marks what they cover', async () => {
    const resets = (await list({ staffId: paola.id, action: 'user.password_reset_email_sent' })).rows;
    const review = await supervisor
      .post('/api/activity/reviews')
      .set('X-CSRF-Token', supervisorCsrf)
      .send({ entryIds: resets.slice(0, 2).map((row) => row.id), comment: 'Pedidos por la clienta en el ticket.' });
    expect(review.status, review.text).toBe(201);
    expect(review.body.covered).toBe(2);
    const after = (await list({ staffId: paola.id, action: 'user.password_reset_email_sent' })).rows;
    expect(after.map((row) => row.reviewed)).toEqual([true, true, false]);
    // The whole log, page by page below a cursor, shows the same marks.
    const reviewedInLog = new Map<number, boolean>();
    for (let next: string | undefined, first = true; first || next; first = false) {
      const page = await list({}, { range: '[0,2]', ...(next ? { cursor: next } : {}) });
      for (const row of page.rows) reviewedInLog.set(row.seq, row.reviewed);
      next = page.next;
    }
    expect(resets.map((row) => reviewedInLog.get(row.seq))).toEqual([true, true, false]);
    expect([...reviewedInLog.values()].filter(Boolean)).toHaveLength(2);
    const detail = (await supervisor.get(`/api/activity/${resets[0].id}`).expect(200)).body as ActivityDetailResponse;
    expect(detail.reviews).toEqual([
      expect.objectContaining({
        id: review.body.id,
        reviewerName: 'Sofía Supervisora',
        comment: 'Pedidos por la clienta en el ticket.',
      }),
    ]);
    const entry = (await supervisor.get(`/api/activity/${review.body.id}`).expect(200)).body as ActivityDetailResponse;
    expect(entry).toMatchObject({ action: 'activity.reviewed', actorName: 'Sofía Supervisora' });

    const period = await supervisor
      .post('/api/activity/reviews')
      .set('X-CSRF-Token', supervisorCsrf)
      .send({ from: startedAt, to: new Date(t.clock.nowMs() + 1000).toISOString(), comment: 'Día revisado completo.' });
    expect(period.status).toBe(201);
    expect(period.body.covered).toBeGreaterThan(10);
    expect((await list({ staffId: paola.id })).rows.every((row) => row.reviewed)).toBe(true);

    await supervisor
      .post('/api/activity/reviews')
      .set('X-CSRF-Token', supervisorCsrf)
      .send({ comment: 'nada' })
      .expect(400);
    await supervisor
      .post('/api/activity/reviews')
      .set('X-CSRF-Token', supervisorCsrf)
      .send({ entryIds: ['00000000-0000-0000-0000-000000000000'], comment: 'x' })
      .expect(400);
    await supervisor
      .post('/api/activity/reviews')
      .set('X-CSRF-Token', supervisorCsrf)
      .send({ entryIds: [resets[2].id], comment: '' })
      .expect(400);
  });

  it('shows a review made by another api process on the next page, and the same marks past the ranges a process keeps', async () => {
    for (const phone of ['+52 55 0000 0001', '+52 55 0000 0002']) {
      await otherAgent.put(`/api/clients/${client.id}`).set('X-CSRF-Token', otherCsrf).send({ phone }).expect(200);
    }
    // Another api process on the same database: its own repository, with its own copy of the reviewed ranges.
    const peer = new ActivityRepository(t.dataSource);
    const peerMarks = async (criteria: Parameters<ActivityRepository['reviewedPage']>[0]) =>
      new Map((await peer.reviewedPage(criteria, { limit: 20 })).map(({ entry, reviewed }) => [entry.seq, reviewed]));
    const updatesFilter = { staffId: other.id, action: ActivityAction.ClientUpdated };
    const updates = (await list(updatesFilter)).rows;
    expect(updates.map((row) => row.reviewed)).toEqual([false, false]);
    expect([...(await peerMarks({ staffId: other.id, actions: [ActivityAction.ClientUpdated] })).values()]).toEqual([
      false,
      false,
    ]);

    // This process reviews the newer one; the other's next pages, filtered or not, read a newer version and show it.
    await supervisor
      .post('/api/activity/reviews')
      .set('X-CSRF-Token', supervisorCsrf)
      .send({ entryIds: [updates[0].id], comment: 'Cambio de teléfono confirmado con la clienta.' })
      .expect(201);
    const expected = [true, false];
    expect([...(await peerMarks({ staffId: other.id, actions: [ActivityAction.ClientUpdated] })).values()]).toEqual(
      expected,
    );
    const wholeLog = await peerMarks({});
    expect(updates.map((row) => wholeLog.get(row.seq))).toEqual(expected);

    // More ranges than a process keeps (one-entry ranges far past the trail): pages ask the database about their own entries.
    const sql = (query: string, params: unknown[] = []) => t.dataSource.query(query, params);
    const far = 1_000_000_000;
    for (let batch = 0; batch < 101; batch += 1) {
      const values = Array.from({ length: 1000 }, (_, i) => far + (batch * 1000 + i) * 3);
      await sql(
        `INSERT INTO activity_reviewed_ranges (from_seq, to_seq) VALUES ${values.map((seq) => `(${seq}, ${seq})`).join(', ')}`,
      );
    }
    await sql('UPDATE activity_reviewed_ranges_version SET version = version + 1 WHERE id = 1');
    try {
      expect((await list(updatesFilter)).rows.map((row) => row.reviewed)).toEqual(expected);
      expect([...(await peerMarks({ staffId: other.id, actions: [ActivityAction.ClientUpdated] })).values()]).toEqual(
        expected,
      );
      const crowded = await peerMarks({});
      expect(updates.map((row) => crowded.get(row.seq))).toEqual(expected);
    } finally {
      await sql('DELETE FROM activity_reviewed_ranges WHERE from_seq >= ?', [far]);
      await sql('UPDATE activity_reviewed_ranges_version SET version = version + 1 WHERE id = 1');
    }
  });

  it("charts password actions per agent per day and flags bursts and actions right after the user's own sign-in", async () => {
    const period = {
      from: new Date(t.clock.nowMs() - DAY_MS).toISOString(),
      to: new Date(t.clock.nowMs() + DAY_MS).toISOString(),
    };
    const stats = (await supervisor.get('/api/activity/stats').query(period).expect(200))
      .body as PasswordActionStatsRow[];
    expect(stats.map(({ staffName, action, count }) => [staffName, action, count]).sort()).toEqual(
      [
        ['Paola Soporte', 'user.password_reset_email_sent', 3],
        ['Óscar Otro', 'user.password_set', 1],
      ].sort(),
    );
    const anomalies = (await supervisor.get('/api/activity/anomalies').query(period).expect(200))
      .body as ActivityAnomaly[];
    const burst = anomalies.find((flag) => flag.kind === 'burst');
    expect(burst).toMatchObject({ staffName: 'Paola Soporte', count: 3, threshold: 2 });
    expect(burst!.entryIds).toHaveLength(3);
    expect(anomalies.some((flag) => flag.kind === 'recent_sign_in')).toBe(false);

    // The user signs in, and five minutes later an agent resets their password: someone should ask why.
    const { AuditService } = await import('../../apps/api/src/modules/audit/audit.service');
    t.clock.advanceMinutes(20);
    await signInAgain();
    await t.dataSource.transaction((manager) =>
      t.app.get(AuditService).record(manager, {
        actor: { type: 'user', id: userId, name: 'Rosa Méndez' },
        action: 'user.signed_in',
        clientId: client.id,
        subject: { type: 'user', id: userId, name: 'Rosa Méndez' },
        ip: '203.0.113.5',
        details: { method: 'email' },
      }),
    );
    t.clock.advanceMinutes(5);
    const approvalId = await approvedRequest(
      { agent: otherAgent, csrf: otherCsrf },
      { agent: supervisor, csrf: supervisorCsrf },
      { action: 'user.password_action_over_limit', userId },
    );
    await otherAgent
      .post(`/api/users/${userId}/password-reset-email`)
      .set('X-CSRF-Token', otherCsrf)
      .send({ approvalId })
      .expect(202);
    const later = (
      await supervisor
        .get('/api/activity/anomalies')
        .query({ ...period, to: new Date(t.clock.nowMs() + DAY_MS).toISOString() })
        .expect(200)
    ).body as ActivityAnomaly[];
    expect(
      later.find((flag) => flag.kind === 'recent_sign_in'),
      JSON.stringify(later),
    ).toMatchObject({
      staffName: 'Óscar Otro',
      userId: String(userId),
      minutesAfterSignIn: 5,
      reviewed: false,
    });
    await supervisor.get('/api/activity/stats').query({ from: period.to, to: period.from }).expect(400);
  });

  it("counts each password action on the day of the supervisor's time zone (tz), UTC when none is given", async () => {
    const { AuditService } = await import('../../apps/api/src/modules/audit/audit.service');
    // At 03:00 UTC, two days on: 21:00 of the evening before in Mexico City (UTC-6 all year).
    const evening = new Date(t.clock.nowMs() + 2 * DAY_MS);
    evening.setUTCHours(3, 0, 0, 0);
    t.clock.advance(evening.getTime() - t.clock.nowMs());
    const passwordSet = () =>
      t.dataSource.transaction((manager) =>
        t.app.get(AuditService).record(manager, {
          actor: { type: 'staff', id: other.id, name: 'Óscar Otro' },
          action: 'user.password_set',
          clientId: client.id,
          subject: { type: 'user', id: userId, name: 'Rosa Méndez' },
          ip: '10.2.2.2',
          details: { reason: 'locked_out' },
        }),
      );
    await passwordSet();
    t.clock.advance(12 * 3600_000); // 15:00 UTC: 09:00 of the next morning in Mexico City.
    await passwordSet();
    await signInAgain();
    const period = {
      from: new Date(evening.getTime() - 12 * 3600_000).toISOString(),
      to: new Date(evening.getTime() + 13 * 3600_000).toISOString(),
    };
    const days = async (tz?: string) =>
      (
        (
          await supervisor
            .get('/api/activity/stats')
            .query({ ...period, ...(tz ? { tz } : {}) })
            .expect(200)
        ).body as PasswordActionStatsRow[]
      ).map(({ day, count }) => [day, count]);
    const utcDay = evening.toISOString().slice(0, 10);
    const eveningInMexico = new Date(evening.getTime() - DAY_MS).toISOString().slice(0, 10);
    expect(await days()).toEqual([[utcDay, 2]]);
    expect(await days('America/Mexico_City')).toEqual([
      [eveningInMexico, 1],
      [utcDay, 1],
    ]);
    const refused = await supervisor
      .get('/api/activity/stats')
      .query({ ...period, tz: 'Mars/Olympus_Mons' })
      .set('Accept-Language', 'es');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('Zona horaria desconocida');
  });

  it('exports the filtered view as CSV and JSON Lines, and logs the export', async () => {
    const csv = await supervisor
      .get('/api/activity/export')
      .set('Accept-Language', 'es-MX,es;q=0.9')
      .query({ format: 'csv', filter: JSON.stringify({ clientId: client.id }) })
      .buffer(true);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="keydesk-activity-.*\.csv"/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'seq,id,occurredAt,actorType,actorId,actorName,action,actionLabel,subjectType,subjectId,subjectName,clientId,ip,details',
    );
    // The action as the log names it, in the exporter's language, beside its value.
    expect(lines.find((line) => line.includes(',client.created,'))).toContain(',client.created,Cliente creado,client,');
    const english = await supervisor
      .get('/api/activity/export')
      .set('Accept-Language', 'en')
      .query({ format: 'csv', filter: JSON.stringify({ clientId: client.id }) })
      .buffer(true);
    expect(english.text).toContain(',client.created,Client created,client,');
    const listed = await t.app
      .get((await import('../../apps/api/src/modules/activity/activity.repository')).ActivityRepository)
      .count({ clientId: client.id });
    expect(lines).toHaveLength(listed + 1);
    expect(csv.text).toContain('Ferretería El Tornillo S.A. de C.V.');

    const jsonl = await supervisor
      .get('/api/activity/export')
      .query({ format: 'jsonl', filter: JSON.stringify({ staffId: paola.id }) })
      .buffer(true);
    expect(jsonl.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const rows = jsonl.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ActivityListEntry);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((row) => row.actorName === 'Paola Soporte')).toBe(true);

    const exported = (await list({ action: 'activity.exported' })).rows;
    expect(exported.map((row) => row.details)).toEqual([
      { format: 'jsonl', filter: { staffId: paola.id } },
      { format: 'csv', filter: { clientId: client.id } },
      { format: 'csv', filter: { clientId: client.id } },
    ]);
    await supervisor.get('/api/activity/export').query({ format: 'xlsx' }).expect(400);
  });

  it("answers 403 to agents, who may still read a customer's timeline", async () => {
    for (const path of ['/api/activity', '/api/activity/verify', '/api/activity/stats?from=2026-01-01&to=2026-01-02']) {
      await paolaAgent.get(path).expect(403);
    }
    await paolaAgent
      .post('/api/activity/reviews')
      .set('X-CSRF-Token', paolaCsrf)
      .send({ entryIds: [], comment: 'x' })
      .expect(403);
    const viewer = await signInWithPermissions(t, [Permission.ActivityView]);
    await viewer.agent.get('/api/activity/export?format=csv').expect(403);
    await t.http().get('/api/activity').expect(401);
    const staffNames = (await supervisor.get('/api/activity/staff').expect(200)).body as Array<{
      id: number;
      displayName: string;
    }>;
    expect(staffNames.map((staff) => staff.displayName)).toEqual(
      expect.arrayContaining(['Paola Soporte', 'Óscar Otro', 'Sofía Supervisora']),
    );
    await paolaAgent.get('/api/activity/staff').expect(403);

    const timeline = await paolaAgent.get(`/api/users/${userId}/activity`).query({ range: '[0,99]' }).expect(200);
    expect(timeline.headers['content-range']).toMatch(/^activity 0-\d+\/\d+$/);
    expect((timeline.body as ActivityListEntry[]).map((row) => row.action)).toEqual(
      expect.arrayContaining(['user.created', 'user.password_reset_email_sent', 'user.password_set', 'user.signed_in']),
    );
  });

  it('verifies the chain through the API and names a reordered, an edited and a deleted row', async () => {
    const verify = async () => (await supervisor.get('/api/activity/verify').expect(200)).body;
    const latest = async () => (await supervisor.get('/api/activity/verify/latest').expect(200)).body;
    await supervisor.get('/api/activity/verify/latest').expect(204);
    const first = await verify();
    expect(first).toMatchObject({
      ok: true,
      firstBroken: null,
      checkpoint: null,
      verifiedAt: new Date(t.clock.nowMs()).toISOString(),
    });
    expect(await latest()).toEqual(first);
    const sql = (query: string, params: unknown[] = []) => t.dataSource.query(query, params);
    const columns = ['id', 'occurred_at', 'actor_name', 'action', 'details', 'prev_hash', 'hash'];
    const row = async (seq: number) =>
      (await sql(`SELECT ${columns.join(', ')} FROM audit_log WHERE seq = ${seq}`))[0] as Record<string, unknown>;
    const setRow = (seq: number, values: Record<string, unknown>) =>
      sql(
        `UPDATE audit_log SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE seq = ${seq}`,
        columns.map((c) => values[c]),
      );
    await sql('DROP TRIGGER audit_log_no_update');
    await sql('DROP TRIGGER audit_log_no_delete');

    const [seventh, eighth] = [await row(7), await row(8)];
    await setRow(7, { ...eighth, id: 'swap-temporary-id-000000000000000000' });
    await setRow(8, seventh);
    await setRow(7, eighth);
    expect(await verify()).toMatchObject({ ok: false, firstBroken: { seq: 7, id: eighth.id } });
    await setRow(8, { ...eighth, id: 'swap-temporary-id-000000000000000000' });
    await setRow(7, seventh);
    await setRow(8, eighth);
    expect((await verify()).ok).toBe(true);

    const fifth = await row(5);
    await sql(`UPDATE audit_log SET actor_name = 'Mallory' WHERE seq = 5`);
    expect(await verify()).toMatchObject({ ok: false, checked: 4, firstBroken: { seq: 5, id: fifth.id } });
    await sql('DELETE FROM audit_log WHERE seq = 3');
    expect(await verify()).toMatchObject({ ok: false, checked: 2, firstBroken: { seq: 3, id: null } });
    // The screen shows the last walk: the broken one, until the next.
    expect(await latest()).toMatchObject({ ok: false, firstBroken: { seq: 3, id: null } });
  });
});

describe.each(TEST_DATABASES)('activity retention on %s', (kind) => {
  let t: TestApp;
  let admin: request.Agent;
  let csrf: string;

  beforeAll(async () => {
    t = await startTestApp(kind, { ACTIVITY_RETENTION_DAYS: '30' });
    admin = t.http();
    csrf = await signIn(admin, t.admin.username, t.admin.password);
    for (let i = 0; i < 4; i += 1) await createClient(admin, csrf);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('moves entries past the retention to the archive behind a signed checkpoint; the rest still verifies', async () => {
    const sql = (query: string, params: unknown[] = []) => t.dataSource.query(query, params);
    const [{ n: before }] = await sql('SELECT COUNT(*) AS n FROM audit_log');
    expect(await t.app.get(ActivityIntegrityService).archiveExpired()).toBe(0);
    t.clock.advance(31 * DAY_MS);
    admin = t.http();
    csrf = await signIn(admin, t.admin.username, t.admin.password);
    const recent = await createClient(admin, csrf);
    const archived = await t.app.get(ActivityIntegrityService).archiveExpired();
    expect(archived).toBe(Number(before));
    const [{ kept }] = await sql('SELECT COUNT(*) AS kept FROM audit_log');
    const [{ moved }] = await sql('SELECT COUNT(*) AS moved FROM audit_log_archive');
    expect(Number(moved)).toBe(archived);
    expect(Number(kept)).toBeGreaterThan(1);

    const verified = (await admin.get('/api/activity/verify').expect(200)).body;
    expect(verified).toMatchObject({ ok: true, firstBroken: null, checkpoint: { lastSeq: archived } });
    const log = (
      await admin
        .get('/api/activity')
        .query({ filter: JSON.stringify({ action: 'activity.archived' }) })
        .expect(200)
    ).body;
    expect(log[0].details).toMatchObject({ archived, upToSeq: archived, retentionDays: 30 });
    expect(
      (
        await admin
          .get('/api/activity')
          .query({ filter: JSON.stringify({ clientId: recent.id }) })
          .expect(200)
      ).body.length,
    ).toBeGreaterThan(0);

    // Old rows cannot be deleted without the archive's permit, nor a checkpoint forged without the key.
    await expect(sql(`DELETE FROM audit_log WHERE seq = ${archived + 1}`)).rejects.toThrow(/append-only/);
    await sql(
      `INSERT INTO audit_checkpoints (last_seq, last_hash, archived, created_at, signature) VALUES (?, ?, ?, ?, ?)`,
      [archived + 1, '0'.repeat(64), archived + 1, t.clock.nowMs(), 'f'.repeat(64)],
    );
    expect((await admin.get('/api/activity/verify').expect(200)).body).toMatchObject({
      ok: false,
      firstBroken: { seq: archived + 1 },
    });
  });
});
