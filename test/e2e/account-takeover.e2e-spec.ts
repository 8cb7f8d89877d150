import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ActivityAction } from '@keydesk/domain';

import { signInWithPermissions } from '../factories/staff.factory';
import { CustomerWorld, REPORT_LINK, RESCUE_CODE, RESET_LINK, newIp, tokenIn } from '../support/customer-world';

import { SmtpSink } from '../support/smtp-sink';
import { TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

const HOUR = 3_600_000;

/**
 * The help-desk takeover: an agent is talked into changing a customer's email and sending a reset
 * link to it. The new address waits, the old one hears of it and can lock the account, and staff
 * see why and unlock it with a reason.
 */
describe.each(TEST_DATABASES)('a takeover through the help desk, on %s', (kind) => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: request.Agent;
  let csrf: string;
  let world: CustomerWorld;

  beforeAll(async () => {
    world = await CustomerWorld.start(kind);
    ({ t, sink, admin, csrf } = world);
  });
  afterAll(async () => {
    await world?.close();
  });

  const sendReset = (userId: number) =>
    admin
      .post(`/api/users/${userId}/password-reset-email`)
      .set('X-CSRF-Token', csrf)
      .set('Accept-Language', 'es')
      .send({});
  const setTemporary = (userId: number) =>
    admin
      .post(`/api/users/${userId}/password`)
      .set('X-CSRF-Token', csrf)
      .set('Accept-Language', 'en')
      .send({ generate: true, newTicketSubject: 'Acceso' });
  const resetMailsTo = (to: string) =>
    sink.to(to).filter((mail) => RESET_LINK.test(mail.text) || /temporal|temporary/.test(mail.subject));

  it('holds a new address staff set, tells the old one, and lets the first reset of a new user go at once', async () => {
    const c = await world.customer();
    expect((await sendReset(c.user.id)).status).toBe(202);
    const attacker = 'quien.llamo@fuera.example';
    await world.verifyCaller(c.user.id);
    await admin.put(`/api/users/${c.user.id}`).set('X-CSRF-Token', csrf).send({ email: attacker }).expect(200);

    const refused = await sendReset(c.user.id);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'EMAIL_RECENTLY_CHANGED',
      opensAt: new Date(t.clock.nowMs() + 24 * HOUR).toISOString(),
    });
    expect(refused.body.message).toMatch(/hace menos de 24 horas/);
    expect((await setTemporary(c.user.id)).body).toMatchObject({ statusCode: 409, code: 'EMAIL_RECENTLY_CHANGED' });
    expect((await admin.get(`/api/users/${c.user.id}`)).body.emailHoldUntil).toBe(refused.body.opensAt);

    // Nor does a rescue code (and the password it gets) go to the new address; the client's addresses get it.
    await t
      .http()
      .post('/api/public/rescue-codes')
      .set('X-Forwarded-For', newIp())
      .send({ clientKey: c.client.clientKey, username: c.user.username })
      .expect(202);
    await world.deliver();
    expect(resetMailsTo(attacker)).toEqual([]);
    expect(sink.to(attacker).filter((mail) => RESCUE_CODE.test(mail.text))).toEqual([]);
    expect(sink.to((c.client as { email?: string }).email!).filter((mail) => RESCUE_CODE.test(mail.text))).toHaveLength(
      1,
    );
    const [toOld] = sink.to(c.user.email).filter((mail) => REPORT_LINK.test(mail.text));
    expect(toOld.text).toContain(`antes era ${c.user.email} y ahora es ${attacker}`);

    t.clock.advance(24 * HOUR);
    csrf = await world.signInAgain(); // the staff session did not last the day
    expect((await sendReset(c.user.id)).status).toBe(202);
    await world.deliver();
    expect(resetMailsTo(attacker)).toHaveLength(1);
  });

  it('lets a reset go at once to an address the customer set, and refuses a wrong password or a taken address', async () => {
    const c = await world.customer();
    const other = await world.customer();
    const browser = await world.signIn(c);
    const form = async () =>
      tokenIn((await browser.get('/account/email/change').set('Accept-Language', 'es').expect(200)).text, 'csrfToken');
    const post = async (fields: Record<string, string>) =>
      browser
        .post('/account/email/change')
        .type('form')
        .send({ csrfToken: await form(), ...fields });
    expect(
      (await post({ currentPassword: 'no es la contraseña de nadie', email: 'rosa.nueva@cliente.example' })).status,
    ).toBe(400);
    const taken = await post({ currentPassword: c.password, email: other.user.email });
    expect(taken.status).toBe(409);
    expect(taken.text).toContain('Otra cuenta ya usa esta dirección.');
    expect((await admin.get(`/api/users/${c.user.id}`)).body.email).toBe(c.user.email);
    await post({ currentPassword: c.password, email: 'rosa.nueva@cliente.example' }).then((r) =>
      expect(r.status).toBe(303),
    );
    expect((await admin.get(`/api/users/${c.user.id}`)).body).toMatchObject({
      email: 'rosa.nueva@cliente.example',
      emailHoldUntil: null,
    });
    expect((await sendReset(c.user.id)).status).toBe(202);
  });

  it('"This wasn\'t me" locks the account, answers as a wrong password, and staff see why', async () => {
    const c = await world.customer('en');
    const browser = await world.signIn(c);
    await world.verifyCaller(c.user.id);
    await admin
      .put(`/api/users/${c.user.id}`)
      .set('X-CSRF-Token', csrf)
      .send({ email: 'new.owner@fuera.example' })
      .expect(200);
    const token = await world.lastMatch(c.user.email, REPORT_LINK);

    // Opening the link changes nothing: a mail scanner may fetch it.
    const page = await t.http().get(`/account/report/${token}`).expect(200);
    expect(page.text).toContain('The email address');
    expect(page.text).toContain('a member of our support team');
    expect((await admin.get(`/api/users/${c.user.id}`)).body.lockedAt).toBeNull();
    await t.http().post(`/account/report/${token}`).type('form').send({ formToken: 'forged' }).expect(403);
    expect((await admin.get(`/api/users/${c.user.id}`)).body.lockedAt).toBeNull();

    const locked = await t
      .http()
      .post(`/account/report/${token}`)
      .type('form')
      .send({ formToken: tokenIn(page.text, 'formToken') })
      .expect(200);
    expect(locked.text).toContain('The account is locked');
    await t.http().get(`/account/report/${token}`).expect(410);

    const shown = (await admin.get(`/api/users/${c.user.id}`)).body;
    expect(shown).toMatchObject({ lockedAt: expect.any(String), lockReason: 'reported_by_customer' });
    expect((await admin.get(`/api/clients/${c.client.id}/users`)).body[0].lockedAt).toBe(shown.lockedAt);
    expect(await world.live(c.user.id)).toMatchObject({ sessions: 0, resets: 0, reveals: 0, codes: 0 });
    await browser.get('/account/').expect(303);

    const ip = newIp();
    const visitor = t.http();
    const login = await visitor.get('/account/login?lang=en').set('X-Forwarded-For', ip).expect(200);
    const signInAgain = (password: string) =>
      visitor
        .post('/account/login?lang=en')
        .set('X-Forwarded-For', ip)
        .type('form')
        .send({
          formToken: tokenIn(login.text, 'formToken'),
          method: 'email',
          email: 'new.owner@fuera.example',
          password,
        });
    const right = await signInAgain(c.password);
    const wrong = await signInAgain('not the password at all, really');
    expect([right.status, wrong.status]).toEqual([401, 401]);
    const withoutToken = (html: string) => html.replace(/name="formToken" value="[^"]*"/, '');
    expect(withoutToken(right.text)).toBe(withoutToken(wrong.text));
    const rescue = await t
      .http()
      .post('/api/public/rescue-codes')
      .send({ clientKey: c.client.clientKey, username: c.user.username });
    expect(rescue.status).toBe(202);
    await world.deliver();
    expect(sink.to('new.owner@fuera.example').filter((mail) => /rescue|rescate/i.test(mail.subject))).toEqual([]);
    expect((await sendReset(c.user.id)).body).toMatchObject({ statusCode: 409, code: 'USER_LOCKED' });

    const reported = (
      await admin
        .get('/api/activity')
        .query({ filter: JSON.stringify({ userId: c.user.id, action: 'user.change_reported' }) })
    ).body;
    expect(reported).toMatchObject([
      { actorType: 'user', details: { change: 'email', way: 'staff', reason: 'reported_by_customer' } },
    ]);
    const changed = await world.entry(ActivityAction.UserEmailChanged, c.user.id);
    expect((await admin.get(`/api/activity/${changed.id}`)).body.reportedByCustomer).toEqual({
      entryId: reported[0].id,
      reportedAt: expect.any(String),
    });
    const day = {
      from: new Date(t.clock.nowMs() - HOUR).toISOString(),
      to: new Date(t.clock.nowMs() + HOUR).toISOString(),
    };
    const flags = (await admin.get('/api/activity/anomalies').query(day)).body as Array<{
      kind: string;
      entryIds: string[];
    }>;
    expect(flags.filter((flag) => flag.kind === 'reported_by_customer')).toEqual([
      expect.objectContaining({
        staffName: changed.actorName,
        userId: String(c.user.id),
        change: 'email',
        entryIds: [changed.id, reported[0].id],
        reviewed: false,
      }),
    ]);
  });

  it('staff with users.manage unlock a locked user with a reason, once', async () => {
    const c = await world.customer();
    await world.verifyCaller(c.user.id);
    await admin
      .put(`/api/users/${c.user.id}`)
      .set('X-CSRF-Token', csrf)
      .send({ email: 'tercera@fuera.example' })
      .expect(200);
    const token = await world.lastMatch(c.user.email, REPORT_LINK);
    const page = await t.http().get(`/account/report/${token}`).expect(200);
    await t
      .http()
      .post(`/account/report/${token}`)
      .type('form')
      .send({ formToken: tokenIn(page.text, 'formToken') })
      .expect(200);

    const viewer = await signInWithPermissions(t, ['clients.view']);
    await viewer.agent
      .post(`/api/users/${c.user.id}/unlock`)
      .set('X-CSRF-Token', viewer.csrf)
      .send({ reason: 'x' })
      .expect(403);
    const unlock = (reason: unknown) =>
      admin
        .post(`/api/users/${c.user.id}/unlock`)
        .set('X-CSRF-Token', csrf)
        .set('Accept-Language', 'es')
        .send({ reason });
    expect((await unlock('  ')).body.errors).toHaveProperty('reason');
    expect((await admin.get(`/api/users/${c.user.id}`)).body.lockedAt).not.toBeNull();

    const done = await unlock('Llamamos al titular al teléfono registrado; el cambio sí era suyo.');
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ lockedAt: null, lockReason: null });
    expect((await world.entry(ActivityAction.UserUnlocked, c.user.id)).parsed).toMatchObject({
      reason: 'Llamamos al titular al teléfono registrado; el cambio sí era suyo.',
      lockReason: 'reported_by_customer',
    });
    expect((await unlock('otra vez')).body).toMatchObject({ statusCode: 409, code: 'USER_NOT_LOCKED' });
    await world.signIn({ user: { ...c.user, email: 'tercera@fuera.example' }, password: c.password });
  });
});
