import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';

import { AppConfig } from '../../config/app.config';
import { DomainError } from '../../common/errors/domain-error';
import { PasswordHasher } from './password-hasher';

const config = { auth: { hashConcurrency: 2, hashQueueLimit: 1 } } as AppConfig;

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher(config);

  it('stores argon2id with m=19456, t=2, p=1 and a 16-byte salt, and verifies it', async () => {
    const stored = await hasher.hash('una frase de paso bastante larga');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$/);
    expect(await hasher.verify(stored, 'una frase de paso bastante larga')).toBe(true);
    expect(await hasher.verify(stored, 'una frase de paso bastante larga ')).toBe(false);
    expect(hasher.needsRehash(stored)).toBe(false);
  });

  it('treats the NFKC forms of a password as the same password', async () => {
    const stored = await hasher.hash('ｆｕｌｌｗｉｄｔｈ passphrase here');
    expect(await hasher.verify(stored, 'fullwidth passphrase here')).toBe(true);
  });

  it('asks for a rehash of weaker parameters', async () => {
    expect(hasher.needsRehash(await hash('x'.repeat(20), { memoryCost: 4096, timeCost: 3, parallelism: 1 }))).toBe(
      true,
    );
    expect(hasher.needsRehash(await hash('x'.repeat(20), { memoryCost: 19456, timeCost: 1, parallelism: 1 }))).toBe(
      true,
    );
    expect(hasher.needsRehash('$2b$10$abcdefghijklmnopqrstuv')).toBe(true);
  });

  it('refuses more than 1 KiB before hashing', async () => {
    await expect(hasher.hash('a'.repeat(1025))).rejects.toBeInstanceOf(DomainError);
    await expect(hasher.verify('irrelevant', '€'.repeat(342))).rejects.toMatchObject({ code: 'PASSWORD_TOO_LONG' });
    expect(await hasher.hash('a'.repeat(1024))).toMatch(/^\$argon2id/);
  });

  it('answers SERVICE_BUSY when more hashes wait than the queue allows', async () => {
    const burst = Array.from({ length: 5 }, () => hasher.hash('a burst of sign-ins at once'));
    const results = await Promise.allSettled(burst);
    const busy = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(busy.map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['SERVICE_BUSY', 'SERVICE_BUSY']);
  });
});
