import type request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { ActivityAnomaly, ApprovalDetailResponse, ApprovalResponse, ApprovalStatsRow } from '@keydesk/domain';

import { ApprovalsService } from '../../apps/api/src/modules/approvals/approvals.service';
import { createStaff, CreatedStaff } from '../factories/staff.factory';
import { approvedRequest, verifyCaller } from '../support/assurance';
import { Customer, CustomerWorld } from '../support/customer-world';
import { signIn } from '../support/sign-in';
import { TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

interface Signed {
  agent: request.Agent;
  csrf: string;
}

const HOUR = 3_600_000;

/**
 * What needs a verified caller (the policy) and what a second person may allow instead: each
 * default row refused without, accepted with a verification and with an approval; approvals used
 * once, by their requester, in time; the limits on password actions; the dashboard's counts.
 */
describe.each(TEST_DATABASES)('the assurance policy and approvals on %s', (kind) => {
  let world: CustomerWorld;
  let t: TestApp;
  let paolaStaff: CreatedStaff;
  let sofiaStaff: CreatedStaff;
  /** An agent (users.manage, no approvals.decide), a supervisor (approvals.decide), the administrator. */
  let paola: Signed;
  let sofia: Signed;
  let admin: Signed;
  let startedAt: number;

  beforeAll(async () => {
    world = await CustomerWorld.start(kind, { ACTIVITY_BURST_THRESHOLD: '6' });
    t = world.t;
    startedAt = t.clock.nowMs();
    paolaStaff = await createStaff(t, 'Agent', { displayName: 'Paola Soporte' });
    sofiaStaff = await createStaff(t, 'Supervisor', { displayName: 'Sofía Supervisora' });
  });
  // Two hours apart: one test's password actions never count toward the next one's hourly limit.
  // Sessions and step-ups last less than that, so everyone signs in again.
  beforeEach(async () => {
    t.clock.advance(2 * HOUR);
    const signed = async (who: { username: string; password: string }) => {
      const agent = t.http();
      return { agent, csrf: await signIn(agent, who.username, who.password) };
    };
    paola = await signed(paolaStaff);
    sofia = await signed(sofiaStaff);
    admin = await signed(t.admin);
    world.csrf = await world.signInAgain();
  });
  afterAll(async () => {
    await world?.close();
  });

  const post = (who: Signed, path: string, body: Record<string, unknown>) =>
    who.agent.post(path).set('X-CSRF-Token', who.csrf).set('Accept-Language', 'es').send(body);
  const put = (who: Signed, path: string, body: Record<string, unknown>) =>
    who.agent.put(path).set('X-CSRF-Token', who.csrf).set('Accept-Language', 'es').send(body);
  const ask = (who: Signed, body: Record<string, unknown>) =>
    post(who, '/api/approvals', { reason: 'El cliente perdió el acceso a su correo', ...body });
  const decide = (who: Signed, id: number, decision: 'approve' | 'deny', comment = 'Revisado') =>
    post(who, `/api/approvals/${id}/decision`, { decision, comment });

  /** The three default rows of the policy, each an action that needs a verified caller. */
  const ROWS: Array<{
    action: string;
    prepare?: (c: Customer) => Promise<void>;
    run: (who: Signed, c: Customer, extra?: Record<string, unknown>) => request.Test;
    ok: number;
  }> = [
    {
      action: 'user.password_typed',
      run: (who, c, extra) =>
        post(who, `/api/users/${c.user.id}/password`, {
          password: 'caballo-correcto-bateria-grapa-7',
          newTicketSubject: 'Acceso por teléfono',
          ...extra,
        }),
      ok: 201,
    },
    {
      action: 'user.email_change',
      run: (who, c, extra) =>
        put(who, `/api/users/${c.user.id}`, { email: `nuevo.${Date.now()}.${c.user.email}`, ...extra }),
      ok: 200,
    },
    {
      action: 'user.email_hold_lift',
      // An address staff just set waits: the caller the admin verified for that change counts for the admin only.
      prepare: async (c) => {
        await world.verifyCaller(c.user.id);
        await put(admin, `/api/users/${c.user.id}`, { email: `cambiado.${c.user.email}` }).expect(200);
      },
      run: (who, c, extra) =>
        post(who, `/api/users/${c.user.id}/email-hold/lift`, { reason: 'Confirmó por video', ...extra }),
      ok: 200,
    },
  ];

  it.each(ROWS.map((row) => [row.action, row] as const))(
    '%s: refused without a verified caller, done with one, and done with an approval',
    async (action, row) => {
      const [first, second] = [await world.customer(), await world.customer()];
      for (const c of [first, second]) await row.prepare?.(c);

      const refused = await row.run(paola, first);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'CALLER_NOT_VERIFIED', approvalPossible: true, action });
      expect(refused.body.message).toContain('«Verificar cliente»');

      await verifyCaller(t, paola.agent, paola.csrf, first.user.id);
      expect((await row.run(paola, first)).status).toBe(row.ok);

      const approvalId = await approvedRequest(paola, sofia, { action, userId: second.user.id });
      expect((await row.run(paola, second, { approvalId })).status).toBe(row.ok);
      expect((await row.run(paola, second, { approvalId })).status).toBe(409);
    },
  );

  it('lets a generated password and a reset link go without one, unless an administrator says so', async () => {
    const c = await world.customer();
    await post(paola, `/api/users/${c.user.id}/password-reset-email`, {}).expect(202);
    await post(paola, `/api/users/${c.user.id}/password`, { generate: true, newTicketSubject: 'Acceso' }).expect(201);

    expect((await paola.agent.get('/api/settings/assurance').expect(200)).body).toEqual({
      verifiedCallerFor: [
        'user.password_typed',
        'user.email_change',
        'user.email_hold_lift',
        'user.second_factor_removal',
      ],
    });
    const policy = { verifiedCallerFor: ['user.reset_link', 'user.password_typed', 'user.email_change'] };
    expect((await put(paola, '/api/settings/assurance', policy)).status).toBe(403);
    expect((await put(admin, '/api/settings/assurance', { verifiedCallerFor: ['user.anything'] })).status).toBe(400);
    expect((await put(admin, '/api/settings/assurance', { verifiedCallerFor: 'user.reset_link' })).status).toBe(400);
    const saved = await put(admin, '/api/settings/assurance', policy).expect(200);
    expect(saved.body).toEqual({
      verifiedCallerFor: ['user.password_typed', 'user.reset_link', 'user.email_change'],
    });
    const [changed] = await t.dataSource.query(
      "SELECT details FROM audit_log WHERE action = 'settings.assurance_changed' ORDER BY seq DESC",
    );
    expect(JSON.parse(changed.details).changes.verifiedCallerFor.to).toEqual(saved.body.verifiedCallerFor);

    const other = await world.customer();
    const refused = await post(paola, `/api/users/${other.user.id}/password-reset-email`, {});
    expect(refused.body).toMatchObject({ code: 'CALLER_NOT_VERIFIED', action: 'user.reset_link' });
    // The email hold lift is no longer asked for: a verified caller is not needed for it now.
    await put(admin, '/api/settings/assurance', {
      verifiedCallerFor: ['user.password_typed', 'user.email_change', 'user.email_hold_lift'],
    }).expect(200);
    await post(paola, `/api/users/${other.user.id}/password-reset-email`, {}).expect(202);
  });

  it('is decided by someone else with approvals.decide, used once by its requester, for that action and user', async () => {
    const [c, other] = [await world.customer(), await world.customer()];
    const asked = await ask(paola, { action: 'user.password_typed', userId: c.user.id });
    expect(asked.status).toBe(201);
    const approval = asked.body as ApprovalResponse;
    expect(approval).toMatchObject({
      state: 'pending',
      action: 'user.password_typed',
      userId: c.user.id,
      subjectName: 'Rosa Méndez',
      requestedBy: { id: paolaStaff.id, name: 'Paola Soporte' },
      decidedBy: null,
      expiresAt: new Date(t.clock.nowMs() + 24 * HOUR).toISOString(),
    });

    // The agent cannot decide; nobody decides their own request.
    expect((await decide(paola, approval.id, 'approve')).status).toBe(403);
    const own = await ask(sofia, { action: 'user.email_change', userId: c.user.id });
    const selfDecided = await decide(sofia, own.body.id, 'approve');
    expect(selfDecided.status).toBe(403);
    expect(selfDecided.body.code).toBe('APPROVAL_OWN_REQUEST');

    // The agent sees their own requests only; the supervisor sees every pending one, with its count.
    const mine = await paola.agent.get('/api/approvals').expect(200);
    expect((mine.body as ApprovalResponse[]).every((a) => a.requestedBy.id === paolaStaff.id)).toBe(true);
    const pending = await sofia.agent
      .get('/api/approvals')
      .query({ filter: JSON.stringify({ state: 'pending' }), range: '[0,0]' })
      .expect(200);
    expect(pending.headers['content-range']).toMatch(/^approvals 0-0\/([2-9]|\d{2,})$/);
    expect((await paola.agent.get(`/api/approvals/${own.body.id}`)).status).toBe(404);

    const decided = await decide(sofia, approval.id, 'approve', 'Lo confirmé con el dueño de la cuenta').expect(200);
    expect(decided.body).toMatchObject({
      state: 'approved',
      decidedBy: { id: sofiaStaff.id, name: 'Sofía Supervisora' },
      comment: 'Lo confirmé con el dueño de la cuenta',
      expiresAt: new Date(t.clock.nowMs() + 30 * 60_000).toISOString(),
    });
    expect((await decide(admin, approval.id, 'deny')).body.code).toBe('APPROVAL_ALREADY_DECIDED');

    const typed = (who: Signed, userId: number, extra: Record<string, unknown>) =>
      post(who, `/api/users/${userId}/password`, {
        password: 'caballo-correcto-bateria-grapa-7',
        newTicketSubject: 'Acceso',
        ...extra,
      });
    // Not for another user, another action, or another agent; nothing is used by those tries.
    expect((await typed(paola, other.user.id, { approvalId: approval.id })).body.code).toBe('APPROVAL_NOT_USABLE');
    const otherAction = await put(paola, `/api/users/${c.user.id}`, {
      email: `otra.${c.user.email}`,
      approvalId: approval.id,
    });
    expect(otherAction.body.code).toBe('APPROVAL_NOT_USABLE');
    expect((await typed(admin, c.user.id, { approvalId: approval.id })).body.code).toBe('APPROVAL_NOT_USABLE');
    await typed(paola, c.user.id, { approvalId: approval.id }).expect(201);
    expect((await typed(paola, c.user.id, { approvalId: approval.id })).status).toBe(409);
    expect((await paola.agent.get(`/api/approvals/${approval.id}`).expect(200)).body).toMatchObject({
      state: 'used',
      usedAt: expect.any(String),
    });

    const trail = await t.dataSource.query(
      "SELECT action, details FROM audit_log WHERE action LIKE 'approval.%' AND subject_id = ? ORDER BY seq",
      [String(c.user.id)],
    );
    expect(trail.map((e: { action: string }) => e.action)).toEqual([
      'approval.requested',
      'approval.requested',
      'approval.approved',
      'approval.used',
    ]);
    expect(JSON.parse(trail[3].details)).toMatchObject({
      approvalId: approval.id,
      approvalAction: 'user.password_typed',
      requestedBy: { id: paolaStaff.id, name: 'Paola Soporte' },
    });
  });

  it('expires an approval not used within APPROVAL_MINUTES, and a request not decided within a day', async () => {
    const c = await world.customer();
    const approvalId = await approvedRequest(paola, sofia, { action: 'user.email_change', userId: c.user.id });
    const waiting = (await ask(paola, { action: 'user.email_change', userId: c.user.id })).body as ApprovalResponse;
    t.clock.advanceMinutes(31);
    world.csrf = await world.signInAgain();
    paola = { agent: paola.agent, csrf: await signIn(paola.agent, paolaStaff.username, paolaStaff.password) };
    const late = await put(paola, `/api/users/${c.user.id}`, { email: `tarde.${c.user.email}`, approvalId });
    expect(late.body.code).toBe('APPROVAL_NOT_USABLE');
    const stateOf = async (id: number) =>
      ((await world.admin.get(`/api/approvals/${id}`).expect(200)).body as ApprovalResponse).state;
    expect(await t.app.get(ApprovalsService).expireOverdue()).toBeGreaterThanOrEqual(1);
    expect([await stateOf(approvalId), await stateOf(waiting.id)]).toEqual(['expired', 'pending']);
    t.clock.advance(24 * HOUR);
    await world.signInAgain();
    expect(await t.app.get(ApprovalsService).expireOverdue()).toBeGreaterThanOrEqual(1);
    expect(await t.app.get(ApprovalsService).expireOverdue()).toBe(0);
    expect(await stateOf(waiting.id)).toBe('expired');
    sofia = { agent: sofia.agent, csrf: await signIn(sofia.agent, sofiaStaff.username, sofiaStaff.password) };
    expect((await decide(sofia, waiting.id, 'approve')).body.code).toBe('APPROVAL_ALREADY_DECIDED');
    const expired = await t.dataSource.query(
      "SELECT details FROM audit_log WHERE action = 'approval.expired' AND subject_id = ? ORDER BY seq",
      [String(c.user.id)],
    );
    expect(expired.map((e: { details: string }) => JSON.parse(e.details).was)).toEqual(['approved', 'pending']);
  });

  it('needs an approval past three password actions on a user in a day, and gives it to one of 20 at once', async () => {
    const c = await world.customer();
    for (let i = 0; i < 3; i += 1) await post(paola, `/api/users/${c.user.id}/password-reset-email`, {}).expect(202);
    const fourth = await post(paola, `/api/users/${c.user.id}/password-reset-email`, {});
    expect(fourth.status).toBe(403);
    expect(fourth.body).toMatchObject({
      code: 'APPROVAL_REQUIRED',
      approvalPossible: true,
      action: 'user.password_action_over_limit',
    });
    // A verified caller does not lift the limit: it takes a second person.
    await verifyCaller(t, paola.agent, paola.csrf, c.user.id);
    expect((await post(paola, `/api/users/${c.user.id}/password-reset-email`, {})).body.code).toBe('APPROVAL_REQUIRED');

    const approvalId = await approvedRequest(paola, sofia, {
      action: 'user.password_action_over_limit',
      userId: c.user.id,
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => post(paola, `/api/users/${c.user.id}/password-reset-email`, { approvalId })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([202, ...Array<number>(19).fill(409)]);
    const sent = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'user.password_reset_email_sent' AND subject_id = ?",
      [String(c.user.id)],
    );
    expect(Number(sent[0].n)).toBe(4);

    const detail = (
      await sofia.agent
        .get(
          `/api/approvals/${(await ask(paola, { action: 'user.password_action_over_limit', userId: c.user.id })).body.id}`,
        )
        .expect(200)
    ).body as ApprovalDetailResponse;
    expect(detail.flags).toContainEqual({ kind: 'user_password_actions', count: 4, limit: 3 });
  });

  it('needs an approval past ACTIVITY_BURST_THRESHOLD password actions by one agent in an hour', async () => {
    const hasty = await createStaff(t, 'Agent', { displayName: 'Pablo Prisa' });
    const pablo = { agent: t.http(), csrf: '' };
    pablo.csrf = await signIn(pablo.agent, hasty.username, hasty.password);
    const customers = [await world.customer(), await world.customer(), await world.customer()];
    for (const c of customers.slice(0, 2))
      for (let i = 0; i < 3; i += 1) await post(pablo, `/api/users/${c.user.id}/password-reset-email`, {}).expect(202);
    const seventh = await post(pablo, `/api/users/${customers[2].user.id}/password-reset-email`, {});
    expect(seventh.body).toMatchObject({ code: 'APPROVAL_REQUIRED', action: 'user.password_action_over_limit' });
    // Another agent may still act on that user.
    await post(paola, `/api/users/${customers[2].user.id}/password-reset-email`, {}).expect(202);
  });

  it('counts approvals per agent on the dashboard and flags denied requests for review', async () => {
    const c = await world.customer();
    const denied = (await ask(paola, { action: 'user.email_change', userId: c.user.id })).body as ApprovalResponse;
    await decide(sofia, denied.id, 'deny', 'No coincide con lo que dijo el cliente').expect(200);
    expect(
      (await put(paola, `/api/users/${c.user.id}`, { email: `x.${c.user.email}`, approvalId: denied.id })).status,
    ).toBe(409);
    const period = {
      from: new Date(startedAt - 24 * HOUR).toISOString(),
      to: new Date(t.clock.nowMs() + HOUR).toISOString(),
    };
    const stats = (await sofia.agent.get('/api/activity/approvals').query(period).expect(200))
      .body as ApprovalStatsRow[];
    const paolaRow = stats.find((row) => row.staffId === paolaStaff.id)!;
    expect(paolaRow).toMatchObject({ staffName: 'Paola Soporte', denied: 1 });
    expect(paolaRow.requested).toBeGreaterThanOrEqual(paolaRow.approved + paolaRow.denied);
    expect(paolaRow.used).toBeGreaterThan(0);
    expect(paolaRow.expired).toBeGreaterThan(0);
    expect((await paola.agent.get('/api/activity/approvals').query(period)).status).toBe(403);

    const anomalies = (await sofia.agent.get('/api/activity/anomalies').query(period).expect(200))
      .body as ActivityAnomaly[];
    expect(anomalies).toContainEqual(
      expect.objectContaining({
        kind: 'approval_denied',
        staffId: String(paolaStaff.id),
        staffName: 'Paola Soporte',
        userId: String(c.user.id),
        approvalAction: 'user.email_change',
        reviewed: false,
      }),
    );
    expect(anomalies.some((flag) => flag.kind === 'user_password_actions' && flag.count === 4)).toBe(true);
    const detail = (await sofia.agent.get(`/api/approvals/${denied.id}`).expect(200)).body as ApprovalDetailResponse;
    expect(detail.flags).toContainEqual({ kind: 'requester_denied', count: 1 });
  });

  it('refuses bad requests for approval in the agent language, and changes nothing', async () => {
    const c = await world.customer();
    const before = await t.dataSource.query('SELECT COUNT(*) AS n FROM approvals');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ action: 'user.anything', userId: c.user.id }, 'action'],
      [{ action: 'user.password_typed' }, 'userId'],
      [{ action: 'user.password_typed', userId: c.user.id, staffId: paolaStaff.id }, 'userId'],
      [{ action: 'staff.factors_reset', userId: c.user.id }, 'staffId'],
      [{ action: 'user.password_typed', userId: c.user.id, reason: '' }, 'reason'],
      [{ action: 'user.password_typed', userId: c.user.id, approvalId: null }, 'approvalId'],
    ];
    for (const [body, field] of cases) {
      const response = await ask(paola, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors, JSON.stringify(body)).toHaveProperty(field);
      expect(response.body.message).toBe('Algunos campos no son válidos.');
    }
    expect((await ask(paola, { action: 'user.password_typed', userId: 999_999 })).status).toBe(404);
    // An agent without staff.manage asks nothing about staff.
    expect((await ask(paola, { action: 'staff.factors_reset', staffId: sofiaStaff.id })).status).toBe(403);
    expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM approvals')).toEqual(before);
  });
});
