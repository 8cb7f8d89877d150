import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { formatRescueCode, generateRescueCode, normalizeRescueCode, RESCUE_CODE_ALPHABET } from './rescue-codes';

describe('rescue codes', () => {
  it('are ten Crockford base32 symbols, shown in two groups of five', () => {
    const code = generateRescueCode(randomBytes);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(formatRescueCode(code)).toBe(`${code.slice(0, 5)}-${code.slice(5)}`);
  });

  it('use exactly the low 50 bits of the random bytes', () => {
    expect(generateRescueCode(() => new Uint8Array(7))).toBe('0000000000');
    expect(generateRescueCode(() => new Uint8Array(7).fill(255))).toBe('ZZZZZZZZZZ');
    // The top six bits of the first byte are not used.
    expect(generateRescueCode(() => Uint8Array.from([0b11111100, 0, 0, 0, 0, 0, 1]))).toBe('0000000001');
  });

  it('spread over the whole alphabet', () => {
    const seen = new Set([...Array.from({ length: 200 }, () => generateRescueCode(randomBytes)).join('')]);
    expect(seen.size).toBe(RESCUE_CODE_ALPHABET.length);
  });

  it('are read back whatever the case, spaces and hyphen, with I, L and O taken for 1, 1 and 0', () => {
    expect(normalizeRescueCode('abcde-fghjk')).toBe('ABCDEFGHJK');
    expect(normalizeRescueCode(' 4f7kq 9qxmz ')).toBe('4F7KQ9QXMZ');
    expect(normalizeRescueCode('iLo00-11111')).toBe('1100011111');
  });

  it('refuse what cannot be a code', () => {
    expect(normalizeRescueCode('ABCDE-FGHJ')).toBeNull();
    expect(normalizeRescueCode('ABCDE-FGHJKM')).toBeNull();
    expect(normalizeRescueCode('UUUUU-UUUUU')).toBeNull();
    expect(normalizeRescueCode('ABCDE_FGHJK')).toBeNull();
  });
});
