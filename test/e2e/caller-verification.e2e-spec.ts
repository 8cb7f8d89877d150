import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CallerVerificationState, StartedVerification } from '@keydesk/domain';

import { AuditEntryEntity } from '../../apps/api/src/modules/audit/audit-entry.entity';
import { createStaff } from '../factories/staff.factory';
import { createTicket } from '../factories/ticket.factory';
import { callerCodeOf, verifyCaller } from '../support/assurance';
import { Customer, CustomerWorld } from '../support/customer-world';
import { signIn } from '../support/sign-in';
import { TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

/**
 * "Verify caller": a code to an address on file, read back by the caller. It counts for one agent
 * and one user, for CALLER_VERIFICATION_MINUTES, and the code itself goes nowhere but the mail.
 */
describe.each(TEST_DATABASES)('caller verification on %s', (kind) => {
  let world: CustomerWorld;
  let t: TestApp;
  let admin: request.Agent;
  let csrf: string;
  /** Every code issued, to look for in logs, the trail and the Emails tab at the end. */
  const codes: string[] = [];

  beforeAll(async () => {
    world = await CustomerWorld.start(kind, { LOG_LEVEL: 'debug' });
    ({ t, admin, csrf } = world);
  });
  afterAll(async () => {
    await world?.close();
  });

  const state = async (userId: number, agent = admin) =>
    (await agent.get(`/api/users/${userId}/verification`).expect(200)).body as CallerVerificationState;
  const start = (userId: number, address: string, agent = admin, token = csrf) =>
    agent
      .post(`/api/users/${userId}/verifications`)
      .set('X-CSRF-Token', token)
      .set('Accept-Language', 'es')
      .send({ address });
  const confirm = (userId: number, id: number, code: string, agent = admin, token = csrf) =>
    agent
      .post(`/api/users/${userId}/verifications/${id}/confirm`)
      .set('X-CSRF-Token', token)
      .set('Accept-Language', 'es')
      .send({ code });
  const typedPassword = (c: Customer, agent = admin, token = csrf) =>
    agent
      .post(`/api/users/${c.user.id}/password`)
      .set('X-CSRF-Token', token)
      .set('Accept-Language', 'es')
      .send({ password: 'caballo-correcto-bateria-grapa-7', newTicketSubject: 'Acceso por teléfono' });
  async function started(c: Customer, agent = admin, token = csrf): Promise<StartedVerification & { code: string }> {
    const response = await start(c.user.id, c.user.email, agent, token).expect(201);
    const code = await callerCodeOf(t, c.user.id);
    codes.push(code);
    return { ...(response.body as StartedVerification), code };
  }
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('offers only the addresses on file: the user, the client, and contacts that receive security mail', async () => {
    const c = await world.customer();
    await admin
      .post(`/api/clients/${c.client.id}/contacts`)
      .set('X-CSRF-Token', csrf)
      .send({ firstName: 'Beto', lastName: 'Ruiz', email: 'Beto@Seguridad.example', receivesSecurityEmails: true })
      .expect(201);
    await admin
      .post(`/api/clients/${c.client.id}/contacts`)
      .set('X-CSRF-Token', csrf)
      .send({ firstName: 'Carla', lastName: 'Ventas', email: 'carla@ventas.example', receivesSecurityEmails: false })
      .expect(201);
    const { addresses, verifiedUntil, pending } = await state(c.user.id);
    expect(verifiedUntil).toBeNull();
    expect(pending).toBeNull();
    expect(addresses.map((a) => [a.kind, a.address])).toEqual([
      ['user', c.user.email],
      ['client', expect.stringContaining('@example.test')],
      ['contact', 'beto@seguridad.example'],
    ]);

    // An address typed during the call is refused, in the agent's language, and nothing is sent.
    const before = await world.lastOutboxId();
    const typed = await start(c.user.id, 'quien.llama@fuera.example');
    expect(typed.status).toBe(400);
    expect(typed.body).toMatchObject({ code: 'VERIFICATION_ADDRESS_UNKNOWN', errors: { address: expect.any(String) } });
    expect(typed.body.message).toMatch(/correos registrados/);
    expect(await world.outbox('caller-verification', before)).toEqual([]);

    // The code goes to the contact's address, masked in the answer, and says what it is for.
    const sent = await start(c.user.id, 'BETO@seguridad.example').expect(201);
    expect(sent.body).toMatchObject({ sentTo: 'b•••@seguridad.example' });
    expect(new Date(sent.body.expiresAt).getTime()).toBe(t.clock.nowMs() + 10 * 60_000);
    codes.push(await callerCodeOf(t, c.user.id));
    const text = await world.lastMatch('beto@seguridad.example', /(está verificando la identidad[^\n]*)/);
    expect(text).toContain('Rosa Méndez');
    expect((await state(c.user.id)).pending).toMatchObject({ id: sent.body.id, sentTo: 'b•••@seguridad.example' });
  });

  it('confirms a code once; a wrong code costs a try, five end it, and it expires after 10 minutes', async () => {
    const c = await world.customer();
    t.clock.advanceMinutes(2);
    const first = await started(c);
    const bad = await confirm(c.user.id, first.id, wrong(first.code));
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VERIFICATION_CODE_INVALID', triesLeft: 4 });
    expect(bad.body.message).toContain('Intentos restantes: 4');
    for (const left of [3, 2, 1, 0])
      expect((await confirm(c.user.id, first.id, wrong(first.code))).body.triesLeft).toBe(left);
    expect((await confirm(c.user.id, first.id, first.code)).body.code).toBe('VERIFICATION_NOT_ACTIVE');

    // Another code a minute later (not sooner: 429); it expires after ten minutes.
    expect((await start(c.user.id, c.user.email)).status).toBe(429);
    t.clock.advanceMinutes(1);
    const second = await started(c);
    t.clock.advanceMinutes(11);
    expect((await confirm(c.user.id, second.id, second.code)).status).toBe(409);

    // A newer code replaces the older; the right one works once.
    const older = await started(c);
    t.clock.advanceMinutes(1);
    const newer = await started(c);
    expect((await confirm(c.user.id, older.id, older.code)).status).toBe(409);
    const ok = await confirm(c.user.id, newer.id, `${newer.code.slice(0, 3)} ${newer.code.slice(3)}`).expect(200);
    expect(ok.body).toEqual({
      verifiedUntil: new Date(t.clock.nowMs() + 15 * 60_000).toISOString(),
      method: 'email_code',
    });
    expect((await confirm(c.user.id, newer.id, newer.code)).status).toBe(409);
    expect(await state(c.user.id)).toMatchObject({ verifiedUntil: ok.body.verifiedUntil, method: 'email_code' });
    const listed = await admin.get('/api/me/caller-verifications').expect(200);
    expect(listed.body).toContainEqual({
      userId: c.user.id,
      verifiedUntil: ok.body.verifiedUntil,
      method: 'email_code',
      ticketId: null,
    });
    const entries = await t.dataSource.getRepository(AuditEntryEntity).find({
      where: { subjectId: String(c.user.id), subjectType: 'user' },
      order: { seq: 'ASC' },
    });
    expect(entries.filter((e) => e.action === 'user.caller_code_failed')).toHaveLength(5);
    expect(entries.filter((e) => e.action === 'user.caller_verified')).toHaveLength(1);
  });

  it('counts for that agent and that user only, for CALLER_VERIFICATION_MINUTES', async () => {
    const [c, other] = [await world.customer(), await world.customer()];
    const paola = await createStaff(t, 'Agent', { displayName: 'Paola Soporte' });
    const paolaAgent = t.http();
    const paolaCsrf = await signIn(paolaAgent, paola.username, paola.password);

    // Paola cannot confirm the administrator's code, even the right one.
    const theirs = await started(c);
    expect((await confirm(c.user.id, theirs.id, theirs.code, paolaAgent, paolaCsrf)).body.code).toBe(
      'VERIFICATION_NOT_ACTIVE',
    );
    // Nor may a code be confirmed under another user's path.
    expect((await confirm(other.user.id, theirs.id, theirs.code)).status).toBe(409);
    await confirm(c.user.id, theirs.id, theirs.code).expect(200);

    // The administrator verified c: Paola still has to, and nobody is verified for the other user.
    const refused = await typedPassword(c, paolaAgent, paolaCsrf);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'CALLER_NOT_VERIFIED',
      approvalPossible: true,
      action: 'user.password_typed',
    });
    expect(refused.body.message).toMatch(/Poner una contraseña escrita por ti requiere un cliente verificado/);
    expect((await typedPassword(other)).body.code).toBe('CALLER_NOT_VERIFIED');
    await typedPassword(c).expect(201);

    // Fifteen minutes on, the verification no longer counts.
    t.clock.advanceMinutes(16);
    csrf = await world.signInAgain();
    expect((await state(c.user.id)).verifiedUntil).toBeNull();
    expect((await typedPassword(c)).body.code).toBe('CALLER_NOT_VERIFIED');
  });

  it('keeps a verification started from a ticket with that ticket, and refuses a ticket of another client', async () => {
    const [c, stranger] = [await world.customer(), await world.customer()];
    const ticket = await createTicket(admin, csrf, c.client.id, { userId: c.user.id });
    const theirs = await createTicket(admin, csrf, stranger.client.id, { userId: stranger.user.id });
    const foreign = await admin
      .post(`/api/users/${c.user.id}/verifications`)
      .set('X-CSRF-Token', csrf)
      .send({ address: c.user.email, ticketId: theirs.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toHaveProperty('ticketId');
    await verifyCaller(t, admin, csrf, c.user.id, ticket.id);
    expect((await state(c.user.id)).ticketId).toBe(ticket.id);
    expect((await state(stranger.user.id)).verifiedUntil).toBeNull();
  });

  it('never lets a code reach the logs, the activity log or the Emails tab', async () => {
    expect(codes.length).toBeGreaterThan(5);
    expect(t.logLines.length).toBeGreaterThan(20);
    const logs = JSON.stringify(t.logLines);
    const trail = JSON.stringify(await t.dataSource.getRepository(AuditEntryEntity).find());
    const emails = await admin.get('/api/emails').query({ range: '[0,499]' }).expect(200);
    const bodies = await Promise.all(
      (emails.body as Array<{ id: number; template: string }>)
        .filter((mail) => mail.template === 'caller-verification')
        .map(async (mail) => (await admin.get(`/api/emails/${mail.id}`).expect(200)).text),
    );
    expect(bodies.length).toBeGreaterThan(0);
    for (const code of codes) {
      // As a number of its own: six digits occur by chance inside hashes and timestamps.
      const alone = new RegExp(`(?<![0-9A-Za-z])${code}(?![0-9A-Za-z])`);
      expect(logs).not.toMatch(alone);
      expect(trail).not.toMatch(alone);
      expect(emails.text).not.toMatch(alone);
      for (const body of bodies) expect(body).not.toMatch(alone);
    }
  });
});
