import { createHmac, hkdfSync, randomInt, timingSafeEqual } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { CALLER_CODE } from '@keydesk/domain';

import { AppConfig } from '../../config/app.config';

/** Six random digits, as the caller reads them back. */
export function newCallerCode(): string {
  return String(randomInt(0, 10 ** CALLER_CODE.digits)).padStart(CALLER_CODE.digits, '0');
}

/** "123 456", "123-456" → "123456"; null unless six digits remain. */
export function normalizeCallerCode(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${CALLER_CODE.digits}}$`).test(digits) ? digits : null;
}

/**
 * A million codes can be tried offline against a plain hash in a moment: the code is kept as an
 * HMAC under a key derived from SESSION_SECRET (never in the database), bound to its agent and user.
 */
@Injectable()
export class CallerCodeHasher {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = Buffer.from(
      hkdfSync('sha256', config.secrets.sessionSecret, Buffer.alloc(0), 'keydesk/caller-code/v1', 32),
    );
  }

  hash(staffId: number, userId: number, code: string): string {
    return createHmac('sha256', this.key).update(`${staffId}:${userId}:${code}`, 'utf8').digest('hex');
  }

  matches(staffId: number, userId: number, code: string, stored: string): boolean {
    const expected = Buffer.from(this.hash(staffId, userId, code), 'hex');
    const actual = Buffer.from(stored, 'hex');
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
