import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { AppConfig } from '../../config/app.config';

/**
 * A code has 50 bits: a plain SHA-256 of it could be reversed by trying them all. It is kept as
 * an HMAC under a key derived from SESSION_SECRET, which never enters the database, and bound to
 * its client and user, so a copy of the table opens nothing.
 */
@Injectable()
export class RescueCodeHasher {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = Buffer.from(
      hkdfSync('sha256', config.secrets.sessionSecret, Buffer.alloc(0), 'keydesk/rescue-code/v1', 32),
    );
  }

  hash(clientId: number, userId: number, code: string): string {
    return createHmac('sha256', this.key).update(`${clientId}:${userId}:${code}`, 'utf8').digest('hex');
  }

  matches(clientId: number, userId: number, code: string, stored: string): boolean {
    const expected = Buffer.from(this.hash(clientId, userId, code), 'hex');
    const actual = Buffer.from(stored, 'hex');
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
