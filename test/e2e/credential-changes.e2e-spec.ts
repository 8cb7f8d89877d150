import { randomBytes } from 'node:crypto';

import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ActivityAction, generatePassword } from '@keydesk/domain';

import { StaffService } from '../../apps/api/src/modules/staff/staff.service';
import { StaffSessionEntity } from '../../apps/api/src/modules/auth/staff-session.entity';
import { StaffEntity } from '../../apps/api/src/modules/staff/staff.entity';
import { createStaff } from '../factories/staff.factory';
import {
  Customer,
  CustomerWorld,
  REPORT_LINK,
  RESCUE_CODE,
  RESET_LINK,
  newIp,
  tokenIn,
} from '../support/customer-world';

import { SmtpSink } from '../support/smtp-sink';
import { TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

/** What a change leaves working and whom it tells, for one way of changing a customer's credential. */
interface CustomerPath {
  name: string;
  action: ActivityAction;
  way: string;
  /** Makes the change; answers the secrets it involved (never to be seen in a notice) and the session it kept. */
  run(c: Customer, resetToken: string): Promise<{ secrets: string[]; kept?: request.Agent }>;
  /** A view-once link that carries the new password survives its own change. */
  liveRevealsAfter: number;
  /** Besides the user's address (an email change also tells the old one). */
  newEmail?: string;
}

/**
 * Every credential change, each through its real path, checked for the same consequences: which
 * sessions end, which links and codes are voided, the audit entry, who got a notice, no secret in it.
 */
describe.each(TEST_DATABASES)('every credential change, on %s', (kind) => {
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

  const fresh = () => generatePassword(randomBytes);

  const CUSTOMER_PATHS: CustomerPath[] = [
    {
      name: 'an agent sets a temporary password',
      action: ActivityAction.UserPasswordSet,
      way: 'staff',
      liveRevealsAfter: 1,
      run: async (c) => {
        await admin
          .post(`/api/users/${c.user.id}/password`)
          .set('X-CSRF-Token', csrf)
          .send({ generate: true, newTicketSubject: 'Acceso', delivery: 'link' })
          .expect(201);
        return { secrets: [] };
      },
    },
    {
      name: 'the customer completes a reset link',
      action: ActivityAction.UserPasswordResetCompleted,
      way: 'reset_link',
      liveRevealsAfter: 0,
      run: async (c, token) => {
        const password = fresh();
        const form = await t.http().get(`/account/password/reset/${token}`).expect(200);
        await t
          .http()
          .post(`/account/password/reset/${token}`)
          .type('form')
          .send({ formToken: tokenIn(form.text, 'formToken'), password, confirmation: password })
          .expect(200);
        return { secrets: [password, token] };
      },
    },
    {
      name: 'the customer redeems a rescue code',
      action: ActivityAction.UserRescueCodeRedeemed,
      way: 'rescue_code',
      liveRevealsAfter: 0,
      run: async (c) => {
        const ip = newIp();
        const name = { clientKey: c.client.clientKey, username: c.user.username };
        await t.http().post('/api/public/rescue-codes').set('X-Forwarded-For', ip).send(name).expect(202);
        const code = await world.lastMatch(c.user.email, RESCUE_CODE);
        await t
          .http()
          .post('/api/public/rescue-codes/redeem')
          .set('X-Forwarded-For', ip)
          .send({ ...name, code })
          .expect(200);
        return { secrets: [code] };
      },
    },
    {
      name: 'the customer changes it signed in',
      action: ActivityAction.UserPasswordChanged,
      way: 'customer',
      liveRevealsAfter: 0,
      run: async (c) => {
        const browser = await world.signIn(c);
        const password = fresh();
        const page = await browser.get('/account/password/change').expect(200);
        await browser
          .post('/account/password/change')
          .type('form')
          .send({
            csrfToken: tokenIn(page.text, 'csrfToken'),
            currentPassword: c.password,
            password,
            confirmation: password,
          })
          .expect(303);
        return { secrets: [password], kept: browser };
      },
    },
    {
      name: 'staff change the email',
      action: ActivityAction.UserEmailChanged,
      way: 'staff',
      liveRevealsAfter: 0,
      newEmail: 'otra.direccion@fuera.example',
      run: async (c) => {
        await world.verifyCaller(c.user.id);
        await admin
          .put(`/api/users/${c.user.id}`)
          .set('X-CSRF-Token', csrf)
          .send({ email: 'otra.direccion@fuera.example' })
          .expect(200);
        return { secrets: [] };
      },
    },
    {
      name: 'the customer changes the email signed in',
      action: ActivityAction.UserEmailChanged,
      way: 'customer',
      liveRevealsAfter: 0,
      newEmail: 'rosa.propia@cliente.example',
      run: async (c) => {
        const browser = await world.signIn(c);
        const page = await browser.get('/account/email/change').expect(200);
        await browser
          .post('/account/email/change')
          .type('form')
          .send({
            csrfToken: tokenIn(page.text, 'csrfToken'),
            currentPassword: c.password,
            email: 'Rosa.Propia@cliente.example',
          })
          .expect(303);
        return { secrets: [], kept: browser };
      },
    },
  ];

  it.each(CUSTOMER_PATHS)(
    '$name: ends sessions, voids links and codes, logs it once and tells the customer',
    async (path) => {
      const c = await world.customer();
      await world.signIn(c);
      await world.signIn(c);
      const resetToken = await world.resetLink(c);
      await world.liveRevealAndCode(c);
      expect(await world.live(c.user.id)).toEqual({ sessions: 2, resets: 1, reveals: 1, codes: 1 });
      const before = await world.lastOutboxId();

      const { secrets, kept } = await path.run(c, resetToken);

      expect(await world.live(c.user.id)).toEqual({
        sessions: kept ? 1 : 0,
        resets: 0,
        reveals: path.liveRevealsAfter,
        codes: 0,
      });
      if (kept) await kept.get('/account/').expect(200);
      const recipients = path.newEmail ? [c.user.email, path.newEmail] : [c.user.email];
      const entry = await world.entry(path.action, c.user.id);
      expect(entry.parsed).toMatchObject({ way: path.way, linksVoided: true, notified: recipients });
      const notices = await world.outbox('account-change', before);
      expect(notices.map((mail) => mail.recipient)).toEqual(recipients);
      expect(notices.every((mail) => mail.hasSecret && mail.secretNames === 'reportUrl')).toBe(true);

      await world.deliver();
      for (const to of recipients) {
        const [notice] = sink.to(to).filter((mail) => REPORT_LINK.test(mail.text));
        expect(notice.subject).toMatch(path.newEmail ? /correo de tu cuenta cambió/ : /contraseña de tu cuenta cambió/);
        for (const secret of [...secrets, c.password]) {
          expect(notice.text).not.toContain(secret);
          expect(notice.html).not.toContain(secret);
        }
        expect(notice.text).not.toMatch(RESET_LINK);
      }
      const emailsTab = JSON.stringify(
        (await admin.get('/api/emails').query({ filter: JSON.stringify({ userId: c.user.id }) })).body,
      );
      expect(emailsTab).not.toMatch(REPORT_LINK);
      for (const secret of secrets) expect(emailsTab + entry.details).not.toContain(secret);
    },
  );

  /** A staff member with two sessions of their own, and the language they signed in with. */
  async function staffMember(language: 'es' | 'en') {
    const staff = await createStaff(t, 'Agent');
    const sessions = [t.http(), t.http()];
    for (const session of sessions) {
      await session
        .post('/api/auth/login')
        .set('Accept-Language', language)
        .send({ username: staff.username, password: staff.password })
        .expect(200);
    }
    return staff;
  }
  const staffSessions = (staffId: number) => t.dataSource.getRepository(StaffSessionEntity).countBy({ staffId });

  const STAFF_PATHS = [
    {
      name: 'an administrator sets it',
      action: ActivityAction.StaffPasswordReset,
      how: /un administrador, /,
      keeps: 0,
      run: (id: number, password: string) =>
        admin.post(`/api/staff/${id}/password`).set('X-CSRF-Token', csrf).send({ password }).expect(204),
    },
    {
      name: 'the command line sets it',
      action: ActivityAction.StaffPasswordReset,
      how: /línea de comandos/,
      keeps: 0,
      run: (id: number, password: string) =>
        t.app
          .get(StaffService)
          .setPassword(id, password, { ip: null, userAgent: 'keydesk-cli', locale: 'en', staff: null }),
    },
  ];

  it.each(STAFF_PATHS)(
    'staff password, $name: ends their sessions, logs it and tells them in their language',
    async (path) => {
      const staff = await staffMember('es');
      expect(await staffSessions(staff.id)).toBe(2);
      const before = await world.lastOutboxId();
      const password = fresh();
      await path.run(staff.id, password);
      expect(await staffSessions(staff.id)).toBe(path.keeps);
      expect((await world.entry(path.action, staff.id)).parsed).toMatchObject({
        endedSessions: 2,
        notified: [staff.email],
      });
      const [notice] = await world.outbox('staff-password-changed', before);
      expect(notice).toMatchObject({ recipient: staff.email, locale: 'es', hasSecret: false });
      await world.deliver();
      const [mail] = sink.to(staff.email);
      expect(mail.text).toMatch(path.how);
      expect(mail.text).not.toContain(password);
    },
  );

  it('staff password, their own change: keeps the session that made it and still tells them', async () => {
    const self = await createStaff(t, 'Administrator');
    const mine = t.http();
    const token = (
      await mine
        .post('/api/auth/login')
        .set('Accept-Language', 'en')
        .send({ username: self.username, password: self.password })
    ).body.csrfToken;
    await t.http().post('/api/auth/login').send({ username: self.username, password: self.password }).expect(200);
    const before = await world.lastOutboxId();
    const password = fresh();
    await mine.post(`/api/staff/${self.id}/password`).set('X-CSRF-Token', token).send({ password }).expect(204);
    expect(await staffSessions(self.id)).toBe(1);
    await mine.get('/api/auth/session').expect(200);
    expect((await world.entry(ActivityAction.StaffPasswordChanged, self.id)).parsed).toMatchObject({
      endedSessions: 1,
      notified: [self.email],
    });
    expect(await world.outbox('staff-password-changed', before)).toMatchObject([
      { recipient: self.email, locale: 'en' },
    ]);
    expect((await t.dataSource.getRepository(StaffEntity).findOneByOrFail({ id: self.id })).language).toBe('en');
  });
});
