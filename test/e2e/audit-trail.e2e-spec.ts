import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AuditVerifierService } from '../../apps/api/src/modules/audit/audit-verifier.service';
import { createStaff } from '../factories/staff.factory';
import { signIn } from '../support/sign-in';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

const COLUMNS = [
  'id',
  'occurred_at',
  'client_id',
  'actor_type',
  'actor_id',
  'actor_name',
  'action',
  'subject_type',
  'subject_id',
  'subject_name',
  'ip',
  'user_agent',
  'details',
  'prev_hash',
  'hash',
];

describe.each(TEST_DATABASES)('the audit trail on %s', (kind) => {
  let t: TestApp;
  let verifier: AuditVerifierService;
  const sql = (query: string, params: unknown[] = []) => t.dataSource.query(query, params);
  const row = async (seq: number) =>
    (await sql(`SELECT * FROM audit_log WHERE seq = ${seq}`))[0] as Record<string, unknown>;
  const setRow = async (seq: number, values: Record<string, unknown>) =>
    sql(
      `UPDATE audit_log SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE seq = ${seq}`,
      COLUMNS.map((c) => values[c]),
    );

  beforeAll(async () => {
    t = await startTestApp(kind);
    verifier = t.app.get(AuditVerifierService);
    const staff = await createStaff(t, 'Agent');
    await t
      .http()
      .post('/api/auth/login')
      .set('User-Agent', 'audit-test/1.0')
      .set('X-Forwarded-For', '10.7.7.7')
      .send({ username: staff.username, password: 'not the right password at all' });
    const agent = t.http();
    const csrf = await signIn(agent, staff.username, staff.password, '10.7.7.8');
    await agent.post('/api/auth/logout').set('X-CSRF-Token', csrf);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('records sign-in, failed sign-in and sign-out with actor, subject, IP and user agent', async () => {
    const entries = await sql(
      `SELECT actor_type, actor_name, action, subject_type, ip, user_agent, details FROM audit_log ORDER BY seq`,
    );
    const actions = entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'role.created',
        'staff.created',
        'staff.signed_in',
        'staff.sign_in_failed',
        'staff.signed_out',
      ]),
    );
    const failed = entries.find((e: { action: string }) => e.action === 'staff.sign_in_failed');
    expect(failed).toMatchObject({
      actor_type: 'staff',
      subject_type: 'staff',
      ip: '10.7.7.7',
      user_agent: 'audit-test/1.0',
    });
    expect(JSON.parse(failed.details)).toEqual({ reason: 'wrong_password' });
  });

  it('never holds a password, hash or token', async () => {
    const dump = JSON.stringify(await sql('SELECT * FROM audit_log'));
    expect(dump).not.toContain(t.admin.password);
    expect(dump).not.toMatch(/\$argon2/);
    expect(dump).not.toContain('not the right password at all');
  });

  it('verifies the chain', async () => {
    const result = await verifier.verify();
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(8);
    expect(result.firstBroken).toBeNull();
  });

  it('refuses UPDATE and DELETE in the database itself', async () => {
    await expect(sql(`UPDATE audit_log SET actor_name = 'someone else' WHERE seq = 2`)).rejects.toThrow(/append-only/);
    await expect(sql(`DELETE FROM audit_log WHERE seq = 2`)).rejects.toThrow(/append-only/);
  });

  describe('with the triggers dropped by someone with database rights', () => {
    beforeAll(async () => {
      await sql('DROP TRIGGER audit_log_no_update');
      await sql('DROP TRIGGER audit_log_no_delete');
    });

    it('names an edited row', async () => {
      const original = await row(3);
      await sql(`UPDATE audit_log SET actor_name = 'Mallory' WHERE seq = 3`);
      expect((await verifier.verify()).firstBroken).toEqual({ seq: 3, id: original.id, reason: 'hash' });
      await setRow(3, original);
      expect((await verifier.verify()).ok).toBe(true);
    });

    it('names a deleted row', async () => {
      const original = await row(4);
      await sql(`DELETE FROM audit_log WHERE seq = 4`);
      expect(await verifier.verify()).toMatchObject({
        ok: false,
        checked: 3,
        firstBroken: { seq: 4, id: null, reason: 'gap' },
      });
      await sql(
        `INSERT INTO audit_log (seq, ${COLUMNS.join(', ')}) VALUES (4, ${COLUMNS.map(() => '?').join(', ')})`,
        COLUMNS.map((c) => original[c]),
      );
      expect((await verifier.verify()).ok).toBe(true);
    });

    it('names reordered rows', async () => {
      const second = await row(2);
      const third = await row(3);
      await setRow(2, { ...third, id: 'swap-temporary-id-000000000000000000' });
      await setRow(3, second);
      await setRow(2, third);
      expect((await verifier.verify()).firstBroken).toMatchObject({ seq: 2, id: third.id });
      await setRow(3, { ...third, id: 'swap-temporary-id-000000000000000000' });
      await setRow(2, second);
      await setRow(3, third);
      expect((await verifier.verify()).ok).toBe(true);
    });

    it('notices rows cut off the end', async () => {
      const [{ last }] = await sql('SELECT MAX(seq) AS last FROM audit_log');
      await sql(`DELETE FROM audit_log WHERE seq = ${Number(last)}`);
      expect((await verifier.verify()).firstBroken).toMatchObject({ seq: Number(last), id: null, reason: 'truncated' });
    });
  });
});
