import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { SecretBox } from './secret-box';

const key = randomBytes(32);

describe('SecretBox', () => {
  it('opens what it sealed, in any script', () => {
    const box = new SecretBox(key);
    const secret = JSON.stringify({
      resetUrl: 'https://soporte.example.mx/account/password/reset/abc',
      code: 'ñandú-🔑',
    });

    expect(box.open(box.seal(secret, 'ctx'), 'ctx')).toBe(secret);
    expect(box.open(box.seal(''))).toBe('');
  });

  it('writes a versioned value that does not contain the plaintext', () => {
    const sealed = new SecretBox(key).seal('hunter2-hunter2-hunter2');

    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(sealed).not.toContain('hunter2');
    expect(Buffer.from(sealed.split('.')[2], 'base64url').toString()).not.toContain('hunter2');
  });

  it('uses a fresh 96-bit nonce every time', () => {
    const box = new SecretBox(key);
    const sealed = Array.from({ length: 50 }, () => box.seal('same'));
    const nonces = sealed.map((value) => value.split('.')[1]);

    expect(new Set(sealed).size).toBe(50);
    expect(new Set(nonces).size).toBe(50);
    expect(Buffer.from(nonces[0], 'base64url')).toHaveLength(12);
  });

  it('refuses a changed ciphertext, nonce or tag', () => {
    const box = new SecretBox(key);
    const sealed = box.seal('a secret link', 'row');
    const flip = (index: number) => {
      const parts = sealed.split('.');
      const bytes = Buffer.from(parts[index], 'base64url');
      bytes[0] ^= 1;
      parts[index] = bytes.toString('base64url');
      return parts.join('.');
    };

    for (const index of [1, 2, 3]) expect(() => box.open(flip(index), 'row')).toThrow(/altered/);
  });

  it('refuses another key or another context', () => {
    const sealed = new SecretBox(key).seal('a secret link', 'mail:ana@example.test');

    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'mail:ana@example.test')).toThrow(
      /another key or context/,
    );
    expect(() => new SecretBox(key).open(sealed, 'mail:eve@example.test')).toThrow(/another key or context/);
  });

  it('refuses unknown versions and malformed values', () => {
    const box = new SecretBox(key);
    const sealed = box.seal('x');

    expect(() => box.open(sealed.replace(/^v1/, 'v2'))).toThrow(/known version/);
    expect(() => box.open('plain text')).toThrow(/known version/);
    expect(() =>
      box.open(`v1.${Buffer.alloc(8).toString('base64url')}.AA.${Buffer.alloc(16).toString('base64url')}`),
    ).toThrow(/malformed/);
  });

  it('needs a key of exactly 32 bytes', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32-byte key/);
    expect(() => new SecretBox(randomBytes(64))).toThrow(/32-byte key/);
  });
});
