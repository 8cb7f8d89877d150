import { Secret, TOTP } from 'otpauth';
import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Permission } from '@keydesk/domain';

import { translate } from '../../apps/api/src/common/i18n/translate';
import { ClientEntity } from '../../apps/api/src/modules/clients/client.entity';
import { UserPasskeyEntity } from '../../apps/api/src/modules/customer-two-factor/user-passkey.entity';
import { UserSessionEntity } from '../../apps/api/src/modules/user-sessions/user-session.entity';
import { createStaff, signInWithPermissions } from '../factories/staff.factory';
import { createTicket } from '../factories/ticket.factory';
import { approvedRequest } from '../support/assurance';
import { Customer, CustomerWorld, newIp, REPORT_LINK, RESCUE_CODE, tokenIn } from '../support/customer-world';
import { signIn } from '../support/sign-in';
import { TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

const RECOVERY = /\b([0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5})\b/g;

/**
 * Customers' own second factor: an authenticator app added in the client area without a script,
 * asked for after the password, each code once; recovery codes in its place, once each; five wrong
 * codes end the attempt; a client that requires a factor sends its users to enrol.
 */
describe.each(TEST_DATABASES)('customer second factor on %s', (kind) => {
  let world: CustomerWorld;
  let t: TestApp;

  beforeAll(async () => {
    world = await CustomerWorld.start(kind);
    t = world.t;
  });
  afterAll(async () => {
    await world?.close();
  });

  const codeAt = (secret: string, ms = t.clock.nowMs()) =>
    new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
      timestamp: ms,
    });

  /** The password step in the client area: the browser, and where it was sent. */
  async function passwordStep(c: Customer): Promise<{ browser: request.Agent; next: string }> {
    const browser = t.http();
    const ip = newIp();
    browser.set('X-Forwarded-For', ip);
    const page = await browser.get('/account/login').expect(200);
    const response = await browser
      .post('/account/login')
      .type('form')
      .send({ formToken: tokenIn(page.text, 'formToken'), method: 'email', email: c.user.email, password: c.password })
      .expect(303);
    return { browser, next: response.headers.location as string };
  }

  async function secondStep(browser: request.Agent, code: string): Promise<request.Response> {
    const page = await browser.get('/account/login/second-factor').expect(200);
    return browser
      .post('/account/login/second-factor')
      .type('form')
      .send({ csrfToken: tokenIn(page.text, 'csrfToken'), code });
  }

  /** Adds an app through the Security page, as a browser without a script would: its secret and recovery codes. */
  async function enrol(browser: request.Agent): Promise<{ secret: string; codes: string[] }> {
    const security = await browser.get('/account/security').expect(200);
    const csrfToken = tokenIn(security.text, 'csrfToken');
    const page = await browser.post('/account/security/totp').type('form').send({ csrfToken }).expect(200);
    expect(page.text).toContain('<svg');
    const secret = /id="secret">([A-Z2-7]+)</.exec(page.text)![1];
    const wrong = await browser
      .post('/account/security/totp/confirm')
      .type('form')
      .send({ csrfToken, code: '000000' === codeAt(secret) ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain(secret);
    const done = await browser
      .post('/account/security/totp/confirm')
      .type('form')
      .send({ csrfToken, code: codeAt(secret) })
      .expect(200);
    const codes = [...done.text.matchAll(RECOVERY)].map((m) => m[1]);
    expect(codes).toHaveLength(10);
    return { secret, codes };
  }

  it('adds an app without a script, tells the user and the client, then asks for it after the password', async () => {
    const c = await world.customer();
    const browser = await world.signIn(c);
    const before = await world.lastOutboxId();
    const { secret } = await enrol(browser);
    const told = await world.outbox('account-security-change', before);
    expect(told.map((mail) => mail.recipient).sort()).toEqual(
      [c.user.email, (c.client as { email?: string }).email ?? expect.any(String)].sort(),
    );
    expect((await world.admin.get(`/api/users/${c.user.id}`).expect(200)).body.twoFactor).toMatchObject({
      methods: ['totp'],
      recoveryCodesLeft: 10,
      totp: { enabledAt: expect.any(String) },
    });

    // The password alone reaches only the second step.
    t.clock.advance(30_000);
    const { browser: again, next } = await passwordStep(c);
    expect(next).toBe('/account/login/second-factor');
    expect((await again.get('/account/')).headers.location).toBe('/account/login/second-factor');
    expect((await again.get('/account/security')).headers.location).toBe('/account/login/second-factor');
    const wrong = await secondStep(again, '123456' === codeAt(secret) ? '654321' : '123456');
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Intentos restantes: 4');
    const code = codeAt(secret);
    const done = await secondStep(again, code);
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/account/');
    await again.get('/account/').expect(200);

    // The same code again is refused: each time step once.
    const { browser: replay } = await passwordStep(c);
    expect((await secondStep(replay, code)).status).toBe(401);
    const signedIn = await t.dataSource.query(
      "SELECT details FROM audit_log WHERE action = 'user.signed_in' AND actor_id = ? ORDER BY seq DESC",
      [String(c.user.id)],
    );
    expect(JSON.parse(signedIn[0].details)).toMatchObject({ secondFactor: 'totp' });
  });

  it('takes each recovery code once in place of the app, and ends the attempt after five wrong codes', async () => {
    const c = await world.customer('en');
    const { codes } = await enrol(await world.signIn(c));
    const { browser } = await passwordStep(c);
    const used = await secondStep(browser, codes[0].toLowerCase());
    expect(used.status).toBe(303);
    expect((await world.admin.get(`/api/users/${c.user.id}`)).body.twoFactor.recoveryCodesLeft).toBe(9);
    expect(await world.outbox('account-security-change')).toContainEqual(
      expect.objectContaining({ recipient: c.user.email, data: expect.stringContaining('recovery code was used') }),
    );
    const { browser: again } = await passwordStep(c);
    expect((await secondStep(again, codes[0])).status).toBe(401);
    for (let i = 0; i < 3; i += 1) expect((await secondStep(again, '000000')).status).toBe(401);
    const ended = await secondStep(again, '000000');
    expect(ended.status).toBe(303);
    expect(ended.headers.location).toBe('/account/login?tooMany=1');
    expect((await again.get('/account/login/second-factor')).headers.location).toBe('/account/login');
    const failures = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'user.second_factor_failed' AND actor_id = ?",
      [String(c.user.id)],
    );
    expect(Number(failures[0].n)).toBe(5);
  });

  it("sends a user whose client requires a factor to enrol first; an agent's temporary password keeps the factor", async () => {
    const c = await world.customer();
    await t.dataSource.getRepository(ClientEntity).update({ id: c.client.id }, { requireTwoFactor: true });
    const { browser, next } = await passwordStep(c);
    expect(next).toBe('/account/security');
    expect((await browser.get('/account/')).headers.location).toBe('/account/security');
    const page = await browser.get('/account/security').expect(200);
    expect(page.text).toContain('Tu empresa exige un segundo factor');
    const { secret } = await enrol(browser);
    await browser.get('/account/').expect(200);

    // The last factor stays while the client requires one.
    const security = await browser.get('/account/security').expect(200);
    t.clock.advance(30_000);
    const kept = await browser
      .post('/account/security/totp/remove')
      .type('form')
      .send({ csrfToken: tokenIn(security.text, 'csrfToken'), code: codeAt(secret) });
    expect(kept.status).toBe(409);

    // An agent's temporary password does not switch the factor off: the next sign-in asks for it.
    await world.admin
      .post(`/api/users/${c.user.id}/password`)
      .set('X-CSRF-Token', world.csrf)
      .send({ generate: true, newTicketSubject: 'Acceso' })
      .expect(201);
    expect((await world.admin.get(`/api/users/${c.user.id}`)).body.twoFactor.methods).toEqual(['totp']);
    expect(await t.dataSource.getRepository(UserSessionEntity).countBy({ userId: c.user.id })).toBe(0);
  });

  it('removes the app after a current code, ending the other sessions, and tells the client', async () => {
    const c = await world.customer();
    const browser = await world.signIn(c);
    const { secret } = await enrol(browser);
    t.clock.advance(30_000);
    const { browser: other } = await passwordStep(c);
    expect((await secondStep(other, codeAt(secret))).status).toBe(303);
    const security = await browser.get('/account/security').expect(200);
    const csrfToken = tokenIn(security.text, 'csrfToken');
    const wrong = await browser.post('/account/security/totp/remove').type('form').send({ csrfToken, code: '999999' });
    expect(wrong.status).toBe(400);
    t.clock.advance(30_000);
    const before = await world.lastOutboxId();
    await browser
      .post('/account/security/totp/remove')
      .type('form')
      .send({ csrfToken, code: codeAt(secret) })
      .expect(200);
    expect((await other.get('/account/')).headers.location).toMatch(/^\/account\/login/);
    await browser.get('/account/').expect(200);
    expect((await world.admin.get(`/api/users/${c.user.id}`)).body.twoFactor).toMatchObject({
      methods: [],
      recoveryCodesLeft: 0,
    });
    const told = await world.outbox('account-security-change', before);
    expect(told.length).toBeGreaterThanOrEqual(2);
    const entry = await world.entry('user.second_factor_removed', c.user.id);
    expect(entry.parsed).toMatchObject({ change: 'totp_removed', way: 'customer', sessionsEnded: 1 });
  });

  it('takes the rescue code alone for no user with a factor: a recovery code or an app code with it, and the factor stays', async () => {
    const c = await world.customer();
    const { secret, codes } = await enrol(await world.signIn(c));
    const ask = () =>
      t
        .http()
        .post('/api/public/rescue-codes')
        .set('X-Forwarded-For', newIp())
        .send({ clientKey: c.client.clientKey, username: c.user.username })
        .expect(202);
    const redeem = (body: Record<string, string>) =>
      t
        .http()
        .post('/api/public/rescue-codes/redeem')
        .set('X-Forwarded-For', newIp())
        .set('Accept-Language', 'es')
        .send({ clientKey: c.client.clientKey, username: c.user.username, ...body });
    await ask();
    const code = await world.lastMatch(c.user.email, RESCUE_CODE);
    const chosen = 'caballo-correcto-bateria-grapa-9';

    // The code alone: refused, and nothing is mailed or changed.
    const alone = await redeem({ code });
    expect(alone.status).toBe(400);
    expect(alone.body.errors).toHaveProperty('password');
    const noProof = await redeem({ code, password: chosen });
    expect(noProof.body.errors).toHaveProperty('secondFactor');
    const wrongProof = await redeem({
      code,
      password: chosen,
      secondFactor: '000000' === codeAt(secret) ? '111111' : '000000',
    });
    expect(wrongProof.status).toBe(401);
    expect(wrongProof.body.code).toBe('SECOND_FACTOR_INVALID');

    // With a recovery code: the customer's own password, on the spot; the factor stays.
    const done = await redeem({ code, password: chosen, secondFactor: codes[3] });
    expect(done.status, done.text).toBe(200);
    expect(done.body.outcome).toBe('password_chosen');
    expect((await world.admin.get(`/api/users/${c.user.id}`)).body.twoFactor).toMatchObject({
      methods: ['totp'],
      recoveryCodesLeft: 9,
    });
    expect(await world.outbox('rescue-password')).not.toContainEqual(expect.objectContaining({ userId: c.user.id }));
    const { next } = await passwordStep({ ...c, password: chosen });
    expect(next).toBe('/account/login/second-factor');

    // With the app's code, through the pages without a script.
    t.clock.advance(61_000);
    await ask();
    const second = await world.lastMatch(c.user.email, RESCUE_CODE);
    const browser = t.http();
    browser.set('X-Forwarded-For', newIp()).set('Accept-Language', 'es');
    const form = await browser.get('/account/rescue').expect(200);
    const formToken = tokenIn(form.text, 'formToken');
    const keys = { clientKey: c.client.clientKey, username: c.user.username };
    const choose = await browser
      .post('/account/rescue')
      .type('form')
      .send({ formToken, ...keys, code: second });
    expect(choose.status).toBe(200);
    expect(choose.text).toContain('name="secondFactor"');
    expect(choose.text).toContain('Contacta a nuestro equipo de soporte');
    const next2 = 'otro-caballo-correcto-bateria-3';
    const finished = await browser
      .post('/account/rescue')
      .type('form')
      .send({
        formToken: tokenIn(choose.text, 'formToken'),
        ...keys,
        code: second,
        step: 'password',
        secondFactor: codeAt(secret),
        password: next2,
        confirmation: next2,
      });
    expect(finished.status, finished.text).toBe(200);
    expect(finished.text).toContain(translate('es', 'rescue.redeemed.password_chosen'));
  });

  it("removes a customer's factors only for a verified caller with an approval, a reason and the ticket", async () => {
    const c = await world.customer();
    const browser = await world.signIn(c);
    await enrol(browser);
    const ticket = await createTicket(world.admin, world.csrf, c.client.id, { userId: c.user.id });
    const supervisor = await createStaff(t, 'Supervisor');
    const decider = { agent: t.http(), csrf: '' };
    decider.csrf = await signIn(decider.agent, supervisor.username, supervisor.password);
    const admin = { agent: world.admin, csrf: world.csrf };
    const remove = (body: Record<string, unknown>) =>
      world.admin
        .post(`/api/users/${c.user.id}/two-factor/removal`)
        .set('X-CSRF-Token', world.csrf)
        .set('Accept-Language', 'es')
        .send({ reason: 'Perdió el teléfono y los códigos', ticketId: ticket.id, ...body });

    expect((await remove({})).body).toMatchObject({
      code: 'CALLER_NOT_VERIFIED',
      action: 'user.second_factor_removal',
    });
    // An approval alone is not enough: the caller must be verified as well.
    const approvalId = await approvedRequest(admin, decider, {
      action: 'user.second_factor_removal',
      userId: c.user.id,
    });
    expect((await remove({ approvalId })).body.code).toBe('CALLER_NOT_VERIFIED');
    await world.verifyCaller(c.user.id);
    expect((await remove({})).body).toMatchObject({ code: 'APPROVAL_REQUIRED', action: 'user.second_factor_removal' });
    expect((await remove({ approvalId, ticketId: undefined })).status).toBe(400);
    expect((await remove({ approvalId, reason: '' })).status).toBe(400);

    const before = await world.lastOutboxId();
    const done = await remove({ approvalId });
    expect(done.status, done.text).toBe(200);
    expect(done.body.twoFactor).toMatchObject({ methods: [], recoveryCodesLeft: 0 });
    expect((await browser.get('/account/')).headers.location).toMatch(/^\/account\/login/);
    const told = await world.outbox('account-security-change', before);
    expect(told.map((mail) => mail.recipient)).toContain(c.user.email);
    expect(told.length).toBeGreaterThanOrEqual(2);
    const entry = await world.entry('user.second_factors_removed', c.user.id);
    expect(entry.parsed).toMatchObject({
      change: 'factors_removed_by_staff',
      reason: 'Perdió el teléfono y los códigos',
      ticketId: ticket.id,
      approvalId,
    });
    expect((await remove({ approvalId })).body.code).toBe('NO_SECOND_FACTOR');
    // The password alone signs in again; where the client requires a factor, the user enrols first.
    expect((await passwordStep(c)).next).toBe('/account/');
    await world.admin
      .put(`/api/clients/${c.client.id}/two-factor`)
      .set('X-CSRF-Token', world.csrf)
      .send({ required: true })
      .expect(200);
    expect((await passwordStep(c)).next).toBe('/account/security');
  });

  it("lets staff with users.manage and the client's owner require a second factor of everyone", async () => {
    const c = await world.customer();
    const agent = await signInWithPermissions(t, [Permission.ClientsView]);
    expect(
      (
        await agent.agent
          .put(`/api/clients/${c.client.id}/two-factor`)
          .set('X-CSRF-Token', agent.csrf)
          .send({ required: true })
      ).status,
    ).toBe(403);
    const set = await world.admin
      .put(`/api/clients/${c.client.id}/two-factor`)
      .set('X-CSRF-Token', world.csrf)
      .send({ required: true })
      .expect(200);
    expect(set.body.requireTwoFactor).toBe(true);
    expect((await world.admin.get(`/api/users/${c.user.id}`)).body.twoFactor.requiredByClient).toBe(true);
    await world.admin
      .put(`/api/clients/${c.client.id}/two-factor`)
      .set('X-CSRF-Token', world.csrf)
      .send({ required: 'yes' })
      .expect(400);

    // The owner, in the client area, turns it off again.
    await world.admin
      .put(`/api/clients/${c.client.id}/users/${c.user.id}`)
      .set('X-CSRF-Token', world.csrf)
      .send({ owner: true })
      .expect(200);
    const { browser } = await passwordStep(c);
    const { secret } = await enrol(browser);
    expect(secret).toBeTruthy();
    const page = await browser.get('/account/security').expect(200);
    expect(page.text).toContain('Dejar de exigirlo');
    const off = await browser
      .post('/account/security/requirement')
      .type('form')
      .send({ csrfToken: tokenIn(page.text, 'csrfToken'), clientId: String(c.client.id), required: '0' })
      .expect(200);
    expect(off.text).toContain('Exigir un segundo factor a todos');
    const [changed] = await t.dataSource.query(
      "SELECT actor_type AS actorType, details FROM audit_log WHERE action = 'client.updated' AND client_id = ? ORDER BY seq DESC",
      [c.client.id],
    );
    expect(changed.actorType).toBe('user');
    expect(JSON.parse(changed.details).changes.requireTwoFactor).toEqual({ from: true, to: false });
  });

  it("refuses passkey answers it did not ask for, and asks only with the page's token", async () => {
    const browser = t.http();
    browser.set('X-Forwarded-For', newIp()).set('Accept-Language', 'en');
    const page = await browser.get('/account/login').expect(200);
    expect(page.text).toContain('src="/account/assets/passkeys.js"');
    expect(page.text).toMatch(/<button type="button" class="secondary" hidden data-passkey="authenticate"/);
    const script = await browser.get('/account/assets/passkeys.js').expect(200);
    expect(script.text).toContain('SimpleWebAuthnBrowser');
    const formToken = tokenIn(page.text, 'formToken');
    await browser.post('/account/login/passkey/options').type('form').send({ formToken: 'forged' }).expect(403);
    const options = await browser.post('/account/login/passkey/options').type('form').send({ formToken }).expect(200);
    expect(options.body).toMatchObject({
      challenge: expect.any(String),
      userVerification: 'required',
      allowCredentials: [],
    });
    const clientDataJSON = Buffer.from(
      JSON.stringify({ type: 'webauthn.get', challenge: options.body.challenge, origin: 'http://localhost' }),
    ).toString('base64url');
    const forged = JSON.stringify({
      id: 'bm90LWEta2V5',
      rawId: 'bm90LWEta2V5',
      type: 'public-key',
      clientExtensionResults: {},
      response: { clientDataJSON, authenticatorData: 'AAAA', signature: 'AAAA' },
    });
    const refused = await browser.post('/account/login/passkey').type('form').send({ formToken, response: forged });
    expect(refused.status).toBe(401);
    expect(refused.text).toContain(translate('en', 'account.login.passkeyRefused'));
    const garbled = await browser.post('/account/login/passkey').type('form').send({ formToken, response: '{"id":' });
    expect(garbled.status).toBe(400);
  });

  it('keeps the factor through a reset link, and its notice lets the customer report the change', async () => {
    const c = await world.customer();
    await enrol(await world.signIn(c));
    const reportToken = await world.lastMatch(c.user.email, REPORT_LINK);
    const report = await t.http().get(`/account/report/${reportToken}`).set('Accept-Language', 'es').expect(200);
    expect(report.text).toContain(translate('es', 'account.report.whatSecondFactor'));

    const resetToken = await world.resetLink(c);
    const form = await t.http().get(`/account/password/reset/${resetToken}`).expect(200);
    const chosen = 'caballo-correcto-bateria-grapa-5';
    await t
      .http()
      .post(`/account/password/reset/${resetToken}`)
      .type('form')
      .send({ password: chosen, confirmation: chosen, formToken: tokenIn(form.text, 'formToken') })
      .expect(200);
    expect((await passwordStep({ ...c, password: chosen })).next).toBe('/account/login/second-factor');
    expect((await world.admin.get(`/api/users/${c.user.id}`)).body.twoFactor.methods).toEqual(['totp']);
  });

  it('verifies a caller with the current code of their authenticator app, once', async () => {
    const c = await world.customer();
    const { secret } = await enrol(await world.signIn(c));
    const state = await world.admin.get(`/api/users/${c.user.id}/verification`).expect(200);
    expect(state.body.appAvailable).toBe(true);
    const confirm = (code: string) =>
      world.admin
        .post(`/api/users/${c.user.id}/verifications/app`)
        .set('X-CSRF-Token', world.csrf)
        .set('Accept-Language', 'es')
        .send({ code });
    const wrong = await confirm('000000' === codeAt(secret) ? '111111' : '000000');
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('aplicación de autenticación del cliente');
    t.clock.advance(30_000);
    const code = codeAt(secret);
    const ok = await confirm(code).expect(200);
    expect(ok.body).toMatchObject({ method: 'app_code', verifiedUntil: expect.any(String) });
    expect((await confirm(code)).status).toBe(400);
    expect((await world.admin.get(`/api/users/${c.user.id}/verification`)).body).toMatchObject({
      method: 'app_code',
      verifiedUntil: ok.body.verifiedUntil,
    });
    const other = await world.customer();
    expect((await world.admin.get(`/api/users/${other.user.id}/verification`)).body.appAvailable).toBe(false);
  });

  it('keeps the recovery codes a passkey came with when the app is added beside it', async () => {
    const c = await world.customer('en');
    const browser = await world.signIn(c);
    // A passkey as a browser would have left it (the ceremony itself runs in the browser suite).
    await t.dataSource.getRepository(UserPasskeyEntity).insert({
      userId: c.user.id,
      credentialId: 'test-credential',
      publicKey: 'AA',
      counter: 0,
      transports: 'internal',
      name: 'Laptop',
      createdAt: t.clock.nowMs(),
      lastUsedAt: null,
    });
    const security = await browser.get('/account/security').expect(200);
    const csrfToken = tokenIn(security.text, 'csrfToken');
    const page = await browser.post('/account/security/totp').type('form').send({ csrfToken }).expect(200);
    const secret = /id="secret">([A-Z2-7]+)</.exec(page.text)![1];
    const added = await browser
      .post('/account/security/totp/confirm')
      .type('form')
      .send({ csrfToken, code: codeAt(secret) })
      .expect(200);
    expect([...added.text.matchAll(RECOVERY)]).toEqual([]);
    expect(added.text).toContain(translate('en', 'account.security.totpAddedKeptCodes'));
    expect((await world.admin.get(`/api/users/${c.user.id}`)).body.twoFactor.methods).toEqual(['totp', 'passkey']);
  });
});
