import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ConfigErrors, Env, readKey } from './config-errors';

export interface SecretsConfig {
  /** Keys the audit chain's HMAC; it must live outside the database it protects. */
  auditHmacKey: Buffer;
  /** Derives the keys of the forms' tokens and of rescue codes (HKDF, one purpose each). */
  sessionSecret: Buffer;
  /** Encrypts secrets in queued mail until delivery (AES-256-GCM). */
  mailEncryptionKey: Buffer;
  /** Where the keys came from, for the start-up log. */
  source: 'environment' | string;
}

const VARIABLES = {
  auditHmacKey: 'AUDIT_HMAC_KEY',
  sessionSecret: 'SESSION_SECRET',
  mailEncryptionKey: 'MAIL_ENCRYPTION_KEY',
} as const;

type KeyName = keyof typeof VARIABLES;

/**
 * Keys come from the environment. Outside production a missing key is generated once into
 * data/secrets.json (mode 0600), so `npm start` needs no set-up; in production every process
 * must share the same keys, so they are required.
 */
export function readSecretsConfig(env: Env, errors: ConfigErrors, dataDir: string, production: boolean): SecretsConfig {
  const fromEnv = Object.fromEntries(
    (Object.keys(VARIABLES) as KeyName[]).map((name) => [name, readKey(env, errors, VARIABLES[name])]),
  ) as Record<KeyName, Buffer | undefined>;
  const missing = (Object.keys(VARIABLES) as KeyName[]).filter((name) => !fromEnv[name]);
  if (missing.length === 0) return { ...(fromEnv as Record<KeyName, Buffer>), source: 'environment' };
  if (production) {
    for (const name of missing) {
      errors.add(
        VARIABLES[name],
        'is required when NODE_ENV=production (32 random bytes, e.g. `openssl rand -hex 32`)',
      );
    }
    return placeholderKeys();
  }
  const file = join(dataDir, 'secrets.json');
  const stored = loadOrCreateKeyFile(file);
  return {
    auditHmacKey: fromEnv.auditHmacKey ?? stored.auditHmacKey,
    sessionSecret: fromEnv.sessionSecret ?? stored.sessionSecret,
    mailEncryptionKey: fromEnv.mailEncryptionKey ?? stored.mailEncryptionKey,
    source: file,
  };
}

function loadOrCreateKeyFile(file: string): Record<KeyName, Buffer> {
  if (!existsSync(file)) {
    mkdirSync(join(file, '..'), { recursive: true });
    const generated = Object.fromEntries(
      (Object.keys(VARIABLES) as KeyName[]).map((name) => [name, randomBytes(32).toString('hex')]),
    );
    writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<KeyName, string>;
  return Object.fromEntries(
    (Object.keys(VARIABLES) as KeyName[]).map((name) => [name, Buffer.from(parsed[name], 'hex')]),
  ) as Record<KeyName, Buffer>;
}

/** Only returned alongside errors, which stop the start before any key is used. */
function placeholderKeys(): SecretsConfig {
  const empty = Buffer.alloc(32);
  return { auditHmacKey: empty, sessionSecret: empty, mailEncryptionKey: empty, source: 'invalid' };
}
