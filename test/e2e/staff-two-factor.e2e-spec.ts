import { Secret, TOTP } from 'otpauth';
import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { StaffTotpEntity } from '../../apps/api/src/modules/two-factor/staff-totp.entity';
import { totpBox, totpContext } from '../../apps/api/src/modules/two-factor/totp-codes';
import { createClient } from '../factories/client.factory';
import { createStaff, CreatedStaff } from '../factories/staff.factory';
import { addClientUser } from '../factories/user.factory';
import { approvedRequest, verifyCaller } from '../support/assurance';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

/** A signed-in browser of one staff member, with what the API answered at sign-in. */
interface Browser {
  agent: request.Agent;
  csrf: string;
  answer: Record<string, unknown>;
}

let ipSequence = 0;

/** Sign-in, second factors and the half-signed session, with the test's clock driving TOTP. */
describe.each(TEST_DATABASES)('staff second factors (optional policy) on %s', (kind) => {
  let t: TestApp;
  let staff: CreatedStaff;
  let firstSecret = '';
  const secrets: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(kind, { MAIL_WORKER_INTERVAL_MS: '0' });
    staff = await createStaff(t, 'Agent');
  });
  afterAll(async () => {
    await t?.close();
  });

  const codeAt = (secret: string, ms = t.clock.nowMs()) =>
    new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: ms });
  const ip = () => `10.44.0.${(ipSequence += 1)}`;

  async function passwordStep(who: { username: string; password: string } = staff): Promise<Browser> {
    const agent = t.http();
    const from = ip();
    agent.set('X-Forwarded-For', from);
    const response = await agent
      .post('/api/auth/login')
      .set('X-Forwarded-For', from)
      .send({ username: who.username, password: who.password });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return { agent, csrf: response.body.csrfToken, answer: response.body };
  }
  const secondStep = (b: Browser, method: string, code: string) =>
    b.agent.post('/api/auth/login/second-factor').set('X-CSRF-Token', b.csrf).send({ method, code });

  /** Enrols the app for `staff` from a plain sign-in; answers the secret and the recovery codes. */
  async function enrol(): Promise<{ secret: string; recoveryCodes: string[] }> {
    const b = await passwordStep();
    const begun = await b.agent.post('/api/me/two-factor/totp').set('X-CSRF-Token', b.csrf).expect(200);
    expect(begun.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Keydesk:.+\?.*secret=/);
    expect(begun.body.qrSvg).toMatch(/^<svg/);
    const secret: string = begun.body.secret;
    secrets.push(secret);
    const wrong = await b.agent
      .post('/api/me/two-factor/totp/confirm')
      .set('X-CSRF-Token', b.csrf)
      .send({ code: '000000' });
    expect(wrong.body.code).toBe('SECOND_FACTOR_INVALID');
    const confirmed = await b.agent
      .post('/api/me/two-factor/totp/confirm')
      .set('X-CSRF-Token', b.csrf)
      .send({ code: codeAt(secret) })
      .expect(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    secrets.push(...confirmed.body.recoveryCodes);
    expect((await b.agent.get('/api/me/two-factor')).body).toMatchObject({
      policy: 'optional',
      totp: { enabled: true },
      recoveryCodes: { remaining: 10 },
    });
    return { secret, recoveryCodes: confirmed.body.recoveryCodes };
  }

  it('enrols an app, then signs in only with the password and its code, each code once', async () => {
    const { secret } = await enrol();
    firstSecret = secret;
    t.clock.advance(30_000);

    const half = await passwordStep();
    expect(half.answer).toEqual({
      secondFactor: { required: true, methods: ['totp', 'recovery_code'], enrolmentRequired: false },
      csrfToken: expect.any(String),
    });
    for (const path of ['/api/clients', '/api/staff', '/api/activity', '/api/me/recovery-codes']) {
      const refused =
        path === '/api/me/recovery-codes'
          ? await half.agent.post(path).set('X-CSRF-Token', half.csrf)
          : await half.agent.get(path);
      expect(refused.status, path).toBe(401);
      expect(refused.body.code, path).toBe('SECOND_FACTOR_REQUIRED');
    }
    expect((await half.agent.get('/api/auth/session')).body.secondFactor).toMatchObject({ required: true });

    const code = codeAt(secret);
    const done = await secondStep(half, 'totp', code).expect(200);
    expect(done.body.staff).toMatchObject({ username: staff.username });
    expect(done.body.csrfToken).not.toBe(half.csrf);
    await half.agent.get('/api/clients').expect(200);

    // The same code again, within its step: refused; the next step's code works.
    const again = await passwordStep();
    expect((await secondStep(again, 'totp', code)).body.code).toBe('SECOND_FACTOR_INVALID');
    t.clock.advance(30_000);
    await secondStep(again, 'totp', codeAt(secret)).expect(200);
    // One step of drift: the code of the step before, not yet used, still works.
    t.clock.advance(60_000);
    const late = await passwordStep();
    await secondStep(late, 'totp', codeAt(secret, t.clock.nowMs() - 30_000)).expect(200);
  });

  it('signs in with a recovery code once, and tells the staff member', async () => {
    const mfaStaff = await createStaff(t, 'Agent');
    const prior = staff;
    staff = mfaStaff;
    try {
      const { recoveryCodes } = await enrol();
      const half = await passwordStep();
      await secondStep(half, 'recovery_code', recoveryCodes[3].toLowerCase()).expect(200);
      const again = await passwordStep();
      expect((await secondStep(again, 'recovery_code', recoveryCodes[3])).body.code).toBe('SECOND_FACTOR_INVALID');
      expect((await again.agent.get('/api/me/two-factor')).status).toBe(200);
      const notices = await t.dataSource.query(
        `SELECT data FROM mail_outbox WHERE recipient = ? AND template = 'staff-security-changed' ORDER BY id`,
        [mfaStaff.email],
      );
      expect(notices.map((row: { data: string }) => JSON.parse(row.data).what)).toEqual([
        expect.stringMatching(/authenticator app was added/),
        expect.stringMatching(/recovery codes was used/),
      ]);
    } finally {
      staff = prior;
    }
  });

  it('ends the half-signed session after five wrong codes, and logs each', async () => {
    const half = await passwordStep();
    for (let i = 0; i < 5; i += 1) expect((await secondStep(half, 'totp', '123456')).status).toBe(401);
    expect((await half.agent.get('/api/auth/session')).body.code).toBe('NOT_AUTHENTICATED');
    const failures = await t.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'staff.second_factor_failed' AND actor_id = ? ORDER BY seq`,
      [String(staff.id)],
    );
    expect(failures.length).toBeGreaterThanOrEqual(5);
    expect(JSON.parse(failures.at(-1).details)).toMatchObject({ method: 'totp', failures: 5, sessionEnded: true });
  });

  it('removes the app where factors are optional, and signs in with the password alone again', async () => {
    t.clock.advance(30_000);
    const b = await passwordStep();
    expect(b.answer.secondFactor).toBeDefined();
    await secondStep(b, 'totp', codeAt(firstSecret)).expect(200);
    const fresh = (await b.agent.get('/api/auth/session')).body.csrfToken;
    await b.agent.delete('/api/me/two-factor/totp').set('X-CSRF-Token', fresh).expect(204);
    expect((await passwordStep()).answer).toHaveProperty('staff');
  });

  it("lets an administrator reset another's lost factors, never their own, with a reason", async () => {
    const admin = await passwordStep(t.admin);
    const own = await t.dataSource.query('SELECT id FROM staff WHERE username = ?', [t.admin.username]);
    const reset = (id: number, reason: unknown) =>
      admin.agent.post(`/api/staff/${id}/two-factor/reset`).set('X-CSRF-Token', admin.csrf).send({ reason });
    expect((await reset(Number(own[0].id), 'x')).status).toBe(403);
    expect((await reset(staff.id, '')).status).toBe(400);
    // staff has an app again (enrolled here) and a session.
    const { secret } = await enrol();
    t.clock.advance(30_000);
    const session = await passwordStep();
    await secondStep(session, 'totp', codeAt(secret)).expect(200);
    // Another person's approval first (staff.factors_reset), used once.
    const refused = await reset(staff.id, 'Lost phone; identity checked by video call');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'APPROVAL_REQUIRED',
      approvalPossible: true,
      action: 'staff.factors_reset',
    });
    const supervisor = await passwordStep(await createStaff(t, 'Supervisor'));
    const approvalId = await approvedRequest(admin, supervisor, { action: 'staff.factors_reset', staffId: staff.id });
    const withApproval = (id: number) =>
      admin.agent
        .post(`/api/staff/${id}/two-factor/reset`)
        .set('X-CSRF-Token', admin.csrf)
        .send({ reason: 'Lost phone; identity checked by video call', approvalId });
    await withApproval(staff.id).expect(204);
    expect((await withApproval(staff.id)).body.code).toBe('APPROVAL_NOT_USABLE');
    expect((await session.agent.get('/api/auth/session')).status).toBe(401);
    expect((await passwordStep()).answer).toHaveProperty('staff');
    const [entry] = await t.dataSource.query(
      "SELECT actor_name AS actorName, details FROM audit_log WHERE action = 'staff.second_factors_reset' ORDER BY seq DESC",
    );
    expect(JSON.parse(entry.details)).toMatchObject({
      reason: 'Lost phone; identity checked by video call',
      endedSessions: expect.any(Number),
    });
  });

  it('asks for the password again before a sensitive action, when no factor is enrolled', async () => {
    const admin = await passwordStep(t.admin);
    await admin.agent.get('/api/activity/export').query({ format: 'jsonl' }).expect(200);
    t.clock.advance(16 * 60_000);
    const stale = await admin.agent.get('/api/activity/export').query({ format: 'jsonl' });
    expect(stale.status).toBe(401);
    expect(stale.body.code).toBe('STEP_UP_REQUIRED');
    expect((await admin.agent.get('/api/auth/step-up')).body.code).toBe('STEP_UP_REQUIRED');
    await admin.agent.get('/api/clients').expect(200);
    const wrong = await admin.agent
      .post('/api/auth/step-up')
      .set('X-CSRF-Token', admin.csrf)
      .send({ method: 'password', password: 'no es' });
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    const totp = await admin.agent
      .post('/api/auth/step-up')
      .set('X-CSRF-Token', admin.csrf)
      .send({ method: 'totp', code: '123456' });
    expect(totp.status).toBe(400);
    await admin.agent
      .post('/api/auth/step-up')
      .set('X-CSRF-Token', admin.csrf)
      .send({ method: 'password', password: t.admin.password })
      .expect(204);
    await admin.agent.get('/api/auth/step-up').expect(204);
    await admin.agent.get('/api/activity/export').query({ format: 'jsonl' }).expect(200);
  });

  it("asks for the app again before changing where a customer's access goes", async () => {
    const { secret } = await enrol();
    t.clock.advance(30_000);
    const b = await passwordStep();
    await secondStep(b, 'totp', codeAt(secret)).expect(200);
    const csrf = (await b.agent.get('/api/auth/session')).body.csrfToken;
    const admin = await passwordStep(t.admin);
    const client = await createClient(admin.agent, admin.csrf);
    const user = { body: await addClientUser(admin.agent, admin.csrf, client.id) };
    t.clock.advance(16 * 60_000);
    const put = (body: Record<string, string>) =>
      b.agent.put(`/api/users/${user.body.id}`).set('X-CSRF-Token', csrf).send(body);
    expect((await put({ email: 'otro@fuera.example' })).body.code).toBe('STEP_UP_REQUIRED');
    await put({ lastName: 'Paz Díaz' }).expect(200);
    const byPassword = await b.agent
      .post('/api/auth/step-up')
      .set('X-CSRF-Token', csrf)
      .send({ method: 'password', password: staff.password });
    expect(byPassword.status).toBe(400);
    await b.agent
      .post('/api/auth/step-up')
      .set('X-CSRF-Token', csrf)
      .send({ method: 'totp', code: codeAt(secret) })
      .expect(204);
    expect((await put({ email: 'otro@fuera.example' })).body.code).toBe('CALLER_NOT_VERIFIED');
    await verifyCaller(t, b.agent, csrf, user.body.id);
    await put({ email: 'otro@fuera.example' }).expect(200);
    const [entry] = await t.dataSource.query(
      "SELECT details FROM audit_log WHERE action = 'staff.stepped_up' AND actor_id = ? ORDER BY seq DESC",
      [String(staff.id)],
    );
    expect(JSON.parse(entry.details)).toEqual({ method: 'totp' });
  });

  it("lists the staff member's own sessions, and signs out of one or of every other", async () => {
    const who = await createStaff(t, 'Agent');
    const [a, b, c] = [await passwordStep(who), await passwordStep(who), await passwordStep(who)];
    const listed = (await a.agent.get('/api/me/sessions').expect(200)).body as Array<{
      id: string;
      current: boolean;
      ip: string;
    }>;
    expect(listed).toHaveLength(3);
    expect(listed.filter((session) => session.current)).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toMatch(/[0-9a-f]{64}/);
    const otherId = listed.find((session) => !session.current)!.id;
    await a.agent.delete(`/api/me/sessions/${otherId}`).set('X-CSRF-Token', a.csrf).expect(204);
    await a.agent.delete(`/api/me/sessions/${otherId}`).set('X-CSRF-Token', a.csrf).expect(404);
    expect((await a.agent.get('/api/me/sessions')).body).toHaveLength(2);
    await a.agent.delete('/api/me/sessions').set('X-CSRF-Token', a.csrf).expect(204);
    expect((await a.agent.get('/api/me/sessions')).body).toEqual([expect.objectContaining({ current: true })]);
    for (const gone of [b, c]) expect((await gone.agent.get('/api/auth/session')).status).toBe(401);
  });

  it('offers passkey ceremonies for PUBLIC_URL, and refuses an answer that is not one', async () => {
    const who = await createStaff(t, 'Agent');
    const b = await passwordStep(who);
    const options = (await b.agent.post('/api/me/passkeys/options').set('X-CSRF-Token', b.csrf).expect(200)).body;
    expect(options).toMatchObject({
      rp: { id: new URL(t.config.server.publicUrl).hostname, name: 'Keydesk' },
      user: { name: who.username },
      attestation: 'none',
      authenticatorSelection: { userVerification: 'preferred' },
    });
    expect(options.challenge).toMatch(/^[\w-]{20,}$/);
    const forged = {
      id: 'AAAA',
      rawId: 'AAAA',
      type: 'public-key',
      response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA' },
    };
    const refused = await b.agent
      .post('/api/me/passkeys')
      .set('X-CSRF-Token', b.csrf)
      .send({ name: 'Falsa', response: forged });
    expect(refused.body.code).toBe('SECOND_FACTOR_INVALID');
    expect((await b.agent.post('/api/me/passkeys').set('X-CSRF-Token', b.csrf).send({ name: 'Falsa' })).status).toBe(
      400,
    );
    expect((await b.agent.get('/api/me/two-factor')).body.passkeys).toEqual([]);
    // Without a passkey there is no passkey ceremony to sign in with.
    expect((await b.agent.post('/api/auth/step-up/passkey-options').set('X-CSRF-Token', b.csrf)).status).toBe(404);
  });

  it('keeps secrets and codes out of the trail and the outbox', async () => {
    const trail = JSON.stringify(await t.dataSource.query('SELECT details FROM audit_log'));
    const outbox = JSON.stringify(await t.dataSource.query('SELECT data, subject FROM mail_outbox'));
    for (const secret of secrets) {
      expect(trail).not.toContain(secret);
      expect(outbox).not.toContain(secret);
    }
    expect(JSON.stringify(t.logLines)).not.toMatch(new RegExp(secrets.join('|')));
  });
});

describe.each(TEST_DATABASES)('staff second factors (required policy) on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind, { MAIL_WORKER_INTERVAL_MS: '0', STAFF_TWO_FACTOR: 'required' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends a staff member without a factor to enrolment first, and refuses to remove the last one', async () => {
    const agent = t.http();
    const login = await agent
      .post('/api/auth/login')
      .send({ username: t.admin.username, password: t.admin.password })
      .expect(200);
    expect(login.body.secondFactor).toEqual({ required: true, methods: [], enrolmentRequired: true });
    const csrf = login.body.csrfToken;
    expect((await agent.get('/api/clients')).body.code).toBe('SECOND_FACTOR_REQUIRED');
    const begun = await agent.post('/api/me/two-factor/totp').set('X-CSRF-Token', csrf).expect(200);
    const code = new TOTP({ secret: Secret.fromBase32(begun.body.secret) }).generate({ timestamp: t.clock.nowMs() });
    const confirmed = await agent
      .post('/api/me/two-factor/totp/confirm')
      .set('X-CSRF-Token', csrf)
      .send({ code })
      .expect(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(confirmed.body.csrfToken).toEqual(expect.any(String));
    await agent.get('/api/clients').expect(200);
    const removed = await agent.delete('/api/me/two-factor/totp').set('X-CSRF-Token', confirmed.body.csrfToken);
    expect(removed.status).toBe(409);
    expect(removed.body.code).toBe('TWO_FACTOR_REQUIRED');
  });
});

/** RFC 6238's own test vector, through the api: its SHA-1 seed enrolled as a staff member's app. */
describe.each(TEST_DATABASES)('staff TOTP against RFC 6238 on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind, { MAIL_WORKER_INTERVAL_MS: '0' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('accepts the vector of T = 2000000000 s as six digits, once', async () => {
    const staff = await createStaff(t, 'Agent');
    const secret = Secret.fromUTF8('12345678901234567890').base32;
    const sealed = totpBox(t.config.secrets.mailEncryptionKey).seal(secret, totpContext(staff.id));
    await t.dataSource
      .getRepository(StaffTotpEntity)
      .insert({ staffId: staff.id, secretSealed: sealed, confirmedAt: 1, lastStep: null, createdAt: 1 });
    // The clock the api reads, moved to the vector's moment (2033-05-18T03:33:20Z).
    t.clock.advance(2_000_000_000_000 - t.clock.nowMs());
    const signIn = async () => {
      const agent = t.http();
      const login = await agent
        .post('/api/auth/login')
        .send({ username: staff.username, password: staff.password })
        .expect(200);
      return { agent, csrf: login.body.csrfToken as string };
    };
    const first = await signIn();
    // 69279037 in RFC 6238's table: its last six digits.
    await first.agent
      .post('/api/auth/login/second-factor')
      .set('X-CSRF-Token', first.csrf)
      .send({ method: 'totp', code: '279037' })
      .expect(200);
    const again = await signIn();
    const replay = await again.agent
      .post('/api/auth/login/second-factor')
      .set('X-CSRF-Token', again.csrf)
      .send({ method: 'totp', code: '279037' });
    expect(replay.body.code).toBe('SECOND_FACTOR_INVALID');
  });
});
