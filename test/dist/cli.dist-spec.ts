import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'apps/api/dist/cli.js');

/** The built CLI, as an administrator locked out of the UI runs it: its own process and database. */
describe('npm run cli', () => {
  let dataDir: string;
  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, [CLI, ...args], {
      cwd: dataDir,
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };

  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first.`);
    dataDir = mkdtempSync(join(tmpdir(), 'keydesk-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints its usage without a command', () => {
    const run = cli();
    expect(run.code).toBe(2);
    expect(run.out).toContain('staff:reset-password');
  });

  it('runs the migrations once', () => {
    expect(cli('migrate').out).toContain('Applied: Foundation1763900000000');
    expect(cli('migrate').out).toContain('The database is up to date.');
  });

  it('creates a staff member with a generated password, and refuses a weak one with the reason', () => {
    const created = cli('staff:create', '--username', 'ana', '--email', 'ana@example.test', '--name', 'Ana López');
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/Created staff member ana \(#\d+\) with role Administrator/);
    expect(created.out).toMatch(/Password \(shown only now\): \S{20}/);
    const weak = cli('staff:reset-password', '--username', 'ana', '--password', 'ana-lopez-12345678');
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('The password must not contain the name, email, user name or client key.');
    const reset = cli('staff:reset-password', '--username', 'ANA@example.test', '--password', 'mango trueno violeta');
    expect(reset.code).toBe(0);
    expect(reset.out).toContain('sessions were ended and any lockout lifted');
    expect(reset.out).not.toContain('mango trueno violeta');
    const twoFactor = cli('staff:reset-two-factor', '--username', 'ana');
    expect(twoFactor.code).toBe(0);
    expect(twoFactor.out).toContain('Second factors reset for ana');
  });

  it('verifies the audit chain and names the first broken row', () => {
    const ok = cli('audit:verify');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, firstBroken: null });
    const db = new Database(join(dataDir, 'keydesk.sqlite'));
    db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET details = '{}' WHERE seq = 2`);
    const id = (db.prepare('SELECT id FROM audit_log WHERE seq = 2').get() as { id: string }).id;
    db.close();
    const broken = cli('audit:verify');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.out)).toMatchObject({ ok: false, checked: 1, firstBroken: { seq: 2, id, reason: 'hash' } });
  });
});
