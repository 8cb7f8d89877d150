import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { StaffSessionEntity } from '../../apps/api/src/modules/auth/staff-session.entity';
import { hashSessionId } from '../../apps/api/src/common/http/session-ids';
import { createStaff } from '../factories/staff.factory';
import { signIn } from '../support/sign-in';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

describe.each(TEST_DATABASES)('staff sign-in and sessions on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs in with the user name or the email and answers the staff member and a CSRF token', async () => {
    const agent = t.http();
    const response = await agent
      .post('/api/auth/login')
      .send({ username: t.admin.username, password: t.admin.password });
    expect(response.status).toBe(200);
    expect(response.body.staff).toMatchObject({ username: 'root-admin', roles: [{ name: 'Administrator' }] });
    expect(response.body.staff.permissions).toContain('staff.manage');
    expect(response.body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(response.body.settings).toEqual({ resetLinkMinutes: 60, temporaryPasswordHours: 24, passwordMinLength: 15 });
    expect(JSON.stringify(response.body)).not.toMatch(/argon2|passwordHash/);
    const cookie = response.headers['set-cookie'][0];
    expect(cookie).toMatch(/^keydesk\.sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const session = await agent.get('/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body).toEqual(response.body);
    // Answers about staff and customers are never kept by a browser or a proxy (ASVS 4.0.3 8.2.1).
    for (const answer of [response, session]) {
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.headers.etag).toBeUndefined();
    }

    const byEmail = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'ROOT-ADMIN@keydesk.invalid', password: t.admin.password });
    expect(byEmail.status).toBe(200);
  });

  it('gives a new session id at every sign-in and destroys the stored session at sign-out', async () => {
    const agent = t.http();
    const first = await agent.post('/api/auth/login').send({ username: t.admin.username, password: t.admin.password });
    const second = await agent.post('/api/auth/login').send({ username: t.admin.username, password: t.admin.password });
    const sid = (r: typeof first) => r.headers['set-cookie'][0].split(';')[0];
    expect(sid(second)).not.toBe(sid(first));
    const oldCookie = sid(first);
    expect((await t.http().get('/api/auth/session').set('Cookie', oldCookie)).status).toBe(401);

    const csrf = second.body.csrfToken;
    const cookie = sid(second);
    expect((await agent.post('/api/auth/logout').set('X-CSRF-Token', csrf)).status).toBe(204);
    // Replaying the old cookie after sign-out finds nothing on the server.
    const replay = await t.http().get('/api/auth/session').set('Cookie', cookie);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('NOT_AUTHENTICATED');
  });

  it('answers one generic error for an unknown name and a wrong password, in the caller language', async () => {
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .set('Accept-Language', 'es-MX')
      .set('X-Forwarded-For', '10.9.0.1')
      .send({ username: 'nobody-here', password: 'a wrong password of some length' });
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .set('Accept-Language', 'es-MX')
      .set('X-Forwarded-For', '10.9.0.1')
      .send({ username: t.admin.username, password: 'a wrong password of some length' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body).toEqual({
      statusCode: 401,
      code: 'INVALID_CREDENTIALS',
      message: 'El usuario o la contraseña son incorrectos.',
    });
  });

  it('refuses a missing field and a password over 1 KiB with a 400, before any hashing', async () => {
    const missing = await t.http().post('/api/auth/login').send({ username: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toHaveProperty('password');
    const huge = await t
      .http()
      .post('/api/auth/login')
      .send({ username: t.admin.username, password: 'ñ'.repeat(513) });
    expect(huge.status).toBe(400);
    expect(huge.body.code).toBe('PASSWORD_TOO_LONG');
  });

  it('answers 429 with Retry-After after 5 failures per name and IP, with a growing delay', async () => {
    const staff = await createStaff(t, 'Agent');
    const attempt = (password: string, ip = '10.1.1.1') =>
      t.http().post('/api/auth/login').set('X-Forwarded-For', ip).send({ username: staff.username, password });
    for (let i = 0; i < 5; i += 1) expect((await attempt('wrong password number ' + i)).status).toBe(401);
    const blocked = await attempt(staff.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBe(60);
    // Another address is not blocked by this one's failures.
    expect((await attempt(staff.password, '10.1.1.2')).status).toBe(200);

    t.clock.advance(61_000);
    for (let i = 0; i < 5; i += 1) expect((await attempt('still wrong ' + i)).status).toBe(401);
    const again = await attempt(staff.password);
    expect(again.status).toBe(429);
    expect(Number(again.headers['retry-after'])).toBe(120);
    t.clock.advance(121_000);
    expect((await attempt(staff.password)).status).toBe(200);
  });

  it('locks a name after repeated failures from many IPs, but not from an address it signed in from, and only for a while', async () => {
    const staff = await createStaff(t, 'Agent');
    await signIn(t.http(), staff.username, staff.password, '192.0.2.10');
    let status = 0;
    for (let i = 0; i < 20; i += 1) {
      status = (
        await t
          .http()
          .post('/api/auth/login')
          .set('X-Forwarded-For', `198.51.100.${i}`)
          .send({ username: staff.username, password: `guess number ${i} for this` })
      ).status;
    }
    expect(status).toBe(401);
    const locked = await t
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', '203.0.113.5')
      .set('Accept-Language', 'en')
      .send({ username: staff.username, password: staff.password });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // The real person, from where they usually work, still gets in: the attacker cannot lock them out.
    await signIn(t.http(), staff.username, staff.password, '192.0.2.10');

    const lockouts = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM audit_log WHERE action = 'staff.locked_out' AND subject_id = '${staff.id}'`,
    );
    expect(Number(lockouts[0].n)).toBe(1);
    t.clock.advanceMinutes(16);
    await signIn(t.http(), staff.username, staff.password, '203.0.113.5');
  });

  it('ends a session after 30 idle minutes', async () => {
    const agent = t.http();
    await signIn(agent, t.admin.username, t.admin.password, '10.2.0.1');
    t.clock.advanceMinutes(29);
    expect((await agent.get('/api/auth/session')).status).toBe(200);
    t.clock.advanceMinutes(29);
    expect((await agent.get('/api/auth/session')).status).toBe(200);
    t.clock.advanceMinutes(31);
    const expired = await agent.get('/api/auth/session');
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('SESSION_EXPIRED');
    expect((await agent.get('/api/auth/session')).body.code).toBe('NOT_AUTHENTICATED');
  });

  it('ends a session 8 hours after sign-in however active it is', async () => {
    const agent = t.http();
    await signIn(agent, t.admin.username, t.admin.password, '10.2.0.2');
    for (let minutes = 0; minutes < 8 * 60 - 20; minutes += 20) {
      t.clock.advanceMinutes(20);
      expect((await agent.get('/api/auth/session')).status).toBe(200);
    }
    t.clock.advanceMinutes(25);
    expect((await agent.get('/api/auth/session')).body.code).toBe('SESSION_EXPIRED');
  });

  it('keeps the session as its own row: who, from where, which factor, when last proved; never the cookie', async () => {
    const agent = t.http();
    const response = await agent
      .post('/api/auth/login')
      .set('X-Forwarded-For', '10.9.0.1')
      .set('User-Agent', 'Prueba/1.0')
      .send({ username: t.admin.username, password: t.admin.password })
      .expect(200);
    const cookieId = /^keydesk\.sid=([^;]+)/.exec(response.headers['set-cookie'][0])![1];
    const row = await t.dataSource
      .getRepository(StaffSessionEntity)
      .findOneByOrFail({ idHash: hashSessionId(cookieId) });
    expect(row).toMatchObject({
      ip: '10.9.0.1',
      userAgent: 'Prueba/1.0',
      signedInWith: 'password',
      steppedUpAt: t.clock.nowMs(),
      csrfToken: response.body.csrfToken,
      createdAt: t.clock.nowMs(),
      expiresAt: t.clock.nowMs() + 8 * 3_600_000,
    });
    expect(JSON.stringify(await t.dataSource.query('SELECT * FROM staff_sessions'))).not.toContain(cookieId);
    // A sign-in from a browser that still has a session ends that one: a new id every time.
    await agent.post('/api/auth/login').send({ username: t.admin.username, password: t.admin.password }).expect(200);
    expect(await t.dataSource.getRepository(StaffSessionEntity).findOneBy({ idHash: row.idHash })).toBeNull();
  });

  it('ends every session of a staff member who is disabled', async () => {
    const staff = await createStaff(t, 'Agent');
    const agentSession = t.http();
    await signIn(agentSession, staff.username, staff.password, '10.3.0.1');
    const admin = t.http();
    const csrf = await signIn(admin, t.admin.username, t.admin.password, '10.3.0.2');
    const disabled = await admin.put(`/api/staff/${staff.id}`).set('X-CSRF-Token', csrf).send({ status: 'disabled' });
    expect(disabled.status).toBe(200);
    expect((await agentSession.get('/api/auth/session')).status).toBe(401);
    const rows = await t.dataSource.query(`SELECT COUNT(*) AS n FROM staff_sessions WHERE staff_id = ${staff.id}`);
    expect(Number(rows[0].n)).toBe(0);
    const retry = await t
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', '10.3.0.1')
      .send({ username: staff.username, password: staff.password });
    expect(retry.status).toBe(401);
    expect(retry.body.code).toBe('INVALID_CREDENTIALS');
  });
});

describe.each(TEST_DATABASES)('password storage on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('rehashes a password stored with weaker parameters at the next sign-in', async () => {
    const { hash } = await import('@node-rs/argon2');
    const staff = await createStaff(t, 'Agent');
    const weak = await hash(staff.password, { memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await t.dataSource.query('UPDATE staff SET password_hash = ? WHERE id = ?', [weak, staff.id]);
    await signIn(t.http(), staff.username, staff.password);
    const [{ password_hash: stored }] = await t.dataSource.query('SELECT password_hash FROM staff WHERE id = ?', [
      staff.id,
    ]);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await signIn(t.http(), staff.username, staff.password);
  });

  it('publishes the OpenAPI document and serves health from the database', async () => {
    const document = await t.http().get('/api/docs-json');
    expect(document.status).toBe(200);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/staff', '/api/roles/{id}']),
    );
    await t.dataSource.destroy();
    const down = await t.http().get('/api/health');
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ status: 'error', database: 'down' });
    await t.dataSource.initialize();
  });
});

describe.each(TEST_DATABASES)('sessions behind an https proxy on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind, {
      PUBLIC_URL: 'https://support.example.test',
      TRUST_PROXY: '1',
      RESET_LINK_MINUTES: '30',
      TEMP_PASSWORD_HOURS: '4',
      PASSWORD_MIN_LENGTH: '12',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('uses a __Host- cookie with Secure', async () => {
    const response = await t
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ username: t.admin.username, password: t.admin.password });
    expect(response.status).toBe(200);
    const cookie = response.headers['set-cookie'][0];
    expect(cookie).toMatch(/^__Host-keydesk\.sid=/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).not.toMatch(/Domain=/);
  });

  it('tells the admin UI the configured lifetimes and minimum length, not the defaults', async () => {
    const login = await t
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ username: t.admin.username, password: t.admin.password });
    const settings = { resetLinkMinutes: 30, temporaryPasswordHours: 4, passwordMinLength: 12 };
    expect(login.body.settings).toEqual(settings);
    // A Secure cookie: handed back by hand, as a browser would over https.
    const cookie = login.headers['set-cookie'][0].split(';')[0];
    const session = await t.http().get('/api/auth/session').set('X-Forwarded-Proto', 'https').set('Cookie', cookie);
    expect(session.status).toBe(200);
    expect(session.body.settings).toEqual(settings);
  });

  it('deletes sessions and throttle counters long past their time', async () => {
    const { AuthHousekeepingService } = await import('../../apps/api/src/modules/auth/auth-housekeeping.service');
    await t
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ username: t.admin.username, password: t.admin.password });
    await t.http().post('/api/auth/login').send({ username: 'someone', password: 'a wrong password for sure' });
    const count = async (table: string) =>
      Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    expect(await count('staff_sessions')).toBeGreaterThan(0);
    expect(await count('sign_in_throttle')).toBeGreaterThan(0);
    await t.app.get(AuthHousekeepingService).run();
    expect(await count('staff_sessions')).toBeGreaterThan(0);
    t.clock.advanceMinutes(31 + 24 * 60);
    await t.app.get(AuthHousekeepingService).run();
    expect(await count('staff_sessions')).toBe(0);
    expect(await count('sign_in_throttle')).toBe(0);
  });
});
