import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadConfig } from './app.config';
import { InvalidConfigError } from './config-errors';

const dataDir = () => mkdtempSync(join(tmpdir(), 'keydesk-config-'));

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ DATA_DIR: dataDir(), ...env });
  } catch (error) {
    if (error instanceof InvalidConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs with no configuration on the embedded database with demo data and generated keys', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.database).toEqual({ kind: 'sqlite', path: join(dir, 'keydesk.sqlite'), embeddedDefault: true });
    expect(config.server.port).toBe(3000);
    expect(config.server.publicUrl.toString()).toBe('http://localhost:3000/');
    expect(config.bootstrap.demoData).toBe(true);
    expect(config.secrets.auditHmacKey).toHaveLength(32);
    // The generated keys are kept: a restart must verify the same audit chain.
    expect(loadConfig({ DATA_DIR: dir }).secrets.auditHmacKey.equals(config.secrets.auditHmacKey)).toBe(true);
    expect(config.auth).toMatchObject({
      sessionIdleSeconds: 1800,
      sessionAbsoluteSeconds: 28800,
      passwordMinLength: 15,
    });
  });

  it('chooses the database from DATABASE_URL', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'sqlite:/tmp/other.sqlite' }).database).toEqual({
      kind: 'sqlite',
      path: '/tmp/other.sqlite',
      embeddedDefault: false,
    });
    const mysql = loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'mariadb://root@127.0.0.1:3306/keydesk' });
    expect(mysql.database).toEqual({ kind: 'mysql', url: 'mysql://root@127.0.0.1:3306/keydesk' });
    expect(mysql.bootstrap.demoData).toBe(false);
  });

  it('names every wrong value at once, without echoing secrets', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'postgres://x:hunter2@db/k',
      SESSION_IDLE_MINUTES: '0',
      PASSWORD_MIN_LENGTH: '6',
      PUBLIC_URL: 'ftp://files',
      AUDIT_HMAC_KEY: 'c2hvcnQ=',
      KEYDESK_ADMIN_USER: 'root',
    });
    expect(problems).toEqual([
      'PORT must be a whole number from 1 to 65535 (got "eighty")',
      'PUBLIC_URL must be an http(s) URL such as https://support.example.com (got "ftp://files")',
      'DATABASE_URL must start with sqlite:, mysql:// or mariadb:// (got "postgres://x:***@db/k")',
      'SESSION_IDLE_MINUTES must be a whole number from 1 to 1440 (got "0")',
      'PASSWORD_MIN_LENGTH must be a whole number from 8 to 64 (got "6")',
      'AUDIT_HMAC_KEY must be at least 32 random bytes, hex or base64 encoded (e.g. `openssl rand -hex 32`)',
      'KEYDESK_ADMIN_USER and KEYDESK_ADMIN_PASSWORD must be set together',
    ]);
  });

  it('requires the keys in production, where every process must share them', () => {
    const problems = problemsOf({ NODE_ENV: 'production', SESSION_SECRET: 'ab'.repeat(32) });
    expect(problems).toEqual([
      'AUDIT_HMAC_KEY is required when NODE_ENV=production (32 random bytes, e.g. `openssl rand -hex 32`)',
      'MAIL_ENCRYPTION_KEY is required when NODE_ENV=production (32 random bytes, e.g. `openssl rand -hex 32`)',
      'SMTP_URL is required when NODE_ENV=production, e.g. smtp://mail.example.com:587',
    ]);
  });

  it('uses __Host- ready settings behind https', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), PUBLIC_URL: 'https://support.example.com', TRUST_PROXY: '1' });
    expect(config.server.publicUrl.protocol).toBe('https:');
    expect(config.server.trustProxy).toBe(1);
  });
});
