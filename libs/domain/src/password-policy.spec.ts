import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  checkPassword,
  codePointLength,
  generatePassword,
  PASSWORD_MAX_BYTES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordStrength,
  utf8ByteLength,
  type PasswordContext,
} from './password-policy';

// Deterministic "random" text (mulberry32), with emoji and accents so UTF-16 length ≠ code points.
function pseudoRandomText(length: number, seed: number): string {
  const symbols = Array.from('abcdefghijkmnpqrstuvwxyzKLMNPQR23456789#%&*éñü😀🔑🌵');
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    text += symbols[((t ^ (t >>> 14)) >>> 0) % symbols.length];
  }
  return text;
}

const reasonsOf = (password: string, context?: PasswordContext) => checkPassword(password, context).reasons;

describe('length, in code points', () => {
  const fifteenEmoji = '😀🔑🌵🚲🎈🍋🦊🎧📎🧭🪁🥝🛶🧩🌋';

  it('counts code points, not UTF-16 units', () => {
    expect(fifteenEmoji.length).toBe(30);
    expect(codePointLength(fifteenEmoji)).toBe(15);
    expect(codePointLength('Ñandú')).toBe(5);
    // A decomposed accent is two code points: NIST counts code points, not what the eye sees.
    expect(codePointLength('e\u0301')).toBe(2);
  });

  it('refuses 14 code points and accepts 15, emoji and accents alike', () => {
    const fourteen = Array.from(fifteenEmoji).slice(0, 14).join('');
    expect(fourteen.length).toBe(28);
    expect(checkPassword(fourteen)).toMatchObject({ ok: false, reasons: ['too_short'], length: 14 });
    expect(checkPassword(fifteenEmoji)).toMatchObject({ ok: true, reasons: [], length: 15 });
    expect(checkPassword('Ñandú-pingüin7')).toMatchObject({ ok: false, reasons: ['too_short'] });
    expect(checkPassword('Ñandú-pingüino7')).toMatchObject({ ok: true, length: 15 });
  });

  it('reports the limits it applied', () => {
    expect(checkPassword('x')).toMatchObject({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH });
    expect(PASSWORD_MIN_LENGTH).toBe(15);
    expect(PASSWORD_MAX_LENGTH).toBe(256);
  });

  it('accepts 64 and 256 code points and refuses 257', () => {
    const longest = pseudoRandomText(256, 1);
    expect(longest.length).toBeGreaterThan(256);
    expect(checkPassword(pseudoRandomText(64, 2)).ok).toBe(true);
    expect(checkPassword(longest)).toMatchObject({ ok: true, length: 256 });
    expect(checkPassword(`${longest}x`)).toMatchObject({ ok: false, reasons: ['too_long'], length: 257 });
  });

  it('keeps every password under the length limit within the byte limit', () => {
    expect(utf8ByteLength('aé😀')).toBe(1 + 2 + 4);
    expect(utf8ByteLength('😀'.repeat(PASSWORD_MAX_LENGTH))).toBe(PASSWORD_MAX_BYTES);
  });

  it('takes a configured minimum, and refuses one below NIST’s floor', () => {
    const twenty = pseudoRandomText(20, 3);
    expect(checkPassword(twenty, {}, { minLength: 21 }).reasons).toEqual(['too_short']);
    expect(checkPassword(twenty.slice(0, 8), {}, { minLength: 8 }).ok).toBe(true);
    expect(() => checkPassword(twenty, {}, { minLength: 7 })).toThrow(RangeError);
    expect(() => checkPassword(twenty, {}, { minLength: 15.5 })).toThrow(RangeError);
  });

  it('checks the whole string: no truncation at 64 or 72', () => {
    const prefix = pseudoRandomText(99, 4);
    const context = { username: 'agarcia' };
    expect(checkPassword(`${prefix}Zq7#Wm`, context).ok).toBe(true);
    expect(reasonsOf(`${prefix}agarcia`, context)).toEqual(['contains_personal_info']);
  });
});

describe('common passwords', () => {
  it('refuses the zxcvbn list, whatever the case or width', () => {
    expect(reasonsOf('password')).toEqual(['too_short', 'common']);
    expect(reasonsOf('passwordstandard')).toEqual(['common']);
    expect(reasonsOf('PassWordStandard')).toEqual(['common']);
    expect(reasonsOf('ｐａｓｓｗｏｒｄｓｔａｎｄａｒｄ')).toEqual(['common']);
  });

  it('refuses our own list of long ones, English and Spanish, with or without accents', () => {
    for (const password of [
      'iloveyouiloveyou',
      'administrador123',
      'ContraseñaContraseña',
      'CONTRASENACONTRASENA',
      'teamomuchoteamo',
      'correct horse battery staple',
      'qwertyuiopasdfghjkl',
    ]) {
      expect(reasonsOf(password), password).toContain('common');
    }
  });

  it('refuses one listed word repeated or padded with digits and symbols', () => {
    for (const password of [
      'password1234567890',
      '1234567890dragon',
      '!!!!sunshine!!!!!!!',
      'dragondragondragon',
      'Dragon2024Dragon2024',
      'p@ssw0rd12345678',
      'Monkey! Monkey! Monkey!',
    ]) {
      expect(reasonsOf(password), password).toContain('common');
    }
  });

  it('refuses the service’s own name anywhere', () => {
    expect(reasonsOf('keydeskkeydesk')).toEqual(['too_short', 'common']);
    expect(reasonsOf('my KeyDesk account 2024')).toEqual(['common']);
  });

  it('accepts passphrases of ordinary words', () => {
    for (const password of [
      'tree bicycle umbrella mountain',
      'el perro de san roque no tiene rabo',
      'horse-staple-orbit-lantern',
    ]) {
      expect(reasonsOf(password), password).toEqual([]);
    }
  });
});

describe('repetition and sequences', () => {
  it('refuses repeated characters and short repeated units', () => {
    for (const password of [
      'aaaaaaaaaaaaaaaa',
      'AaAaAaAaAaAaAaAa',
      'abcabcabcabcabc',
      '1212121212121212',
      'x y x y x y x y x y',
      '-_-_-_-_-_-_-_-_',
    ]) {
      expect(reasonsOf(password), password).toContain('repetitive');
    }
  });

  it('accepts a strong unit typed twice: two copies are not what makes a password weak', () => {
    expect(reasonsOf('Xk9#mQ2$Xk9#mQ2$')).toEqual([]);
  });

  it('refuses straight runs of the alphabet, digits and keyboard', () => {
    for (const password of [
      'abcdefghijklmnop',
      'ponmlkjihgfedcba',
      '1234567890123456',
      'qwertyuiopasdfgh',
      'zxcvbnmasdfghjkl',
      '!@#$%^&*()!@#$%^',
      'abc-def-ghi-jkl-mno',
      'qwerty123456asdfgh',
      '1q2w3e4r5t6y7u8i9o0p',
    ]) {
      expect(reasonsOf(password), password).toContain('sequential');
    }
  });

  it('names a single repeated character repetitive, not also sequential', () => {
    expect(reasonsOf('aaaaaaaaaaaaaaaa')).toEqual(['repetitive']);
  });
});

describe('personal information', () => {
  const context: PasswordContext = {
    username: 'agarcia',
    email: 'ana.garcia+soporte@example.com',
    name: 'Ana María García',
    clientKey: 'CL-10023',
  };

  it('refuses the username, email local part, name words and client key', () => {
    for (const password of [
      'I like AGARCIA a lot!!',
      'ana.garcia+soporte is me',
      'my ana.garcia mailbox 77',
      'garcia loves long walks',
      'maria is my first name',
      'anamariagarcia rocks 42',
      'my key is cl10023 okay',
      'CL-10023 opens every door',
    ]) {
      expect(reasonsOf(password, context), password).toEqual(['contains_personal_info']);
    }
  });

  it('ignores words too short to mean anything', () => {
    expect(reasonsOf('banana split sundae', context)).toEqual([]);
    expect(reasonsOf('banana split sundae', { username: 'an', name: 'Ana Li' })).toEqual([]);
  });

  it('checks nothing personal when there is no context', () => {
    expect(reasonsOf('garcia loves long walks')).toEqual([]);
  });
});

describe('generatePassword', () => {
  it('always passes the policy', () => {
    for (let i = 0; i < 200; i++) {
      const password = generatePassword(randomBytes);
      expect(codePointLength(password)).toBe(20);
      expect(checkPassword(password).reasons, password).toEqual([]);
    }
    expect(codePointLength(generatePassword(randomBytes, 64))).toBe(64);
  });

  it('uses every symbol equally often: no modulo bias', () => {
    // Odd multiplier, so the first 256 bytes are each byte once; the 220 below the limit map 4 to a symbol.
    let position = 0;
    const everyByteOnce = (n: number) => Uint8Array.from({ length: n }, () => (position++ * 167) % 256);
    const counts = new Map<string, number>();
    for (const symbol of generatePassword(everyByteOnce, 220)) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    expect(counts.size).toBe(55);
    expect(new Set(counts.values())).toEqual(new Set([4]));
  });

  it('refuses lengths outside the policy and a broken random source', () => {
    expect(() => generatePassword(randomBytes, 14)).toThrow(RangeError);
    expect(() => generatePassword(randomBytes, 257)).toThrow(RangeError);
    expect(() => generatePassword((n) => new Uint8Array(n).fill(255))).toThrow(/random source/);
    expect(() => generatePassword((n) => new Uint8Array(n))).toThrow(/random source/);
  });
});

describe('passwordStrength', () => {
  it('orders empty, too short, acceptable and longer', () => {
    const scores = [0, 10, 15, 20, 25].map((length) => passwordStrength(pseudoRandomText(length, 5)));
    expect(scores).toEqual([
      { score: 0, reason: 'empty' },
      { score: 1, reason: 'too_short' },
      { score: 2, reason: 'meets_minimum' },
      { score: 3, reason: 'long' },
      { score: 4, reason: 'very_long' },
    ]);
  });

  it('scores any refusal but shortness 0, however long', () => {
    expect(passwordStrength('password')).toEqual({ score: 0, reason: 'common' });
    expect(passwordStrength('abcdefghijklmnopqrstuvwxyz')).toEqual({ score: 0, reason: 'sequential' });
    expect(passwordStrength('long walks with agarcia by the sea', { username: 'agarcia' })).toEqual({
      score: 0,
      reason: 'contains_personal_info',
    });
  });
});
