import { describe, expect, it } from 'vitest';

import { Secret, TOTP } from 'otpauth';

import { newRecoveryCodes, recoveryCodeHash, stepOfCode } from './totp-codes';

/** RFC 6238 appendix B's SHA-1 seed, as base32. */
const RFC_SECRET = Secret.fromUTF8('12345678901234567890').base32;

describe('TOTP codes', () => {
  it('match RFC 6238 test vectors (SHA-1), read as six digits', () => {
    const eightDigits = (timestamp: number) =>
      new TOTP({ secret: Secret.fromBase32(RFC_SECRET), digits: 8, period: 30 }).generate({ timestamp });
    for (const [seconds, code] of [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
    ] as const) {
      expect(eightDigits(seconds * 1000)).toBe(code);
      expect(stepOfCode(RFC_SECRET, code.slice(2), seconds * 1000)).toBe(Math.floor(seconds / 30));
    }
  });

  it('accept one step of drift either way, not two', () => {
    const at = 1111111109 * 1000;
    const code = new TOTP({ secret: Secret.fromBase32(RFC_SECRET) }).generate({ timestamp: at });
    expect(stepOfCode(RFC_SECRET, code, at + 30_000)).toBe(Math.floor(at / 30_000));
    expect(stepOfCode(RFC_SECRET, code, at - 30_000)).toBe(Math.floor(at / 30_000));
    expect(stepOfCode(RFC_SECRET, code, at + 60_000)).toBeNull();
    expect(stepOfCode(RFC_SECRET, '12345', at)).toBeNull();
    expect(stepOfCode(RFC_SECRET, 'abcdef', at)).toBeNull();
  });

  it('make ten different recovery codes of 75 bits, hashed whatever their case or dashes', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes)
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(recoveryCodeHash(1, codes[0].toLowerCase().replace(/-/g, ' '))).toBe(recoveryCodeHash(1, codes[0]));
    expect(recoveryCodeHash(2, codes[0])).not.toBe(recoveryCodeHash(1, codes[0]));
  });
});
