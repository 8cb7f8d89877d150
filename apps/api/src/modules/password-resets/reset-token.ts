import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: what the link carries and nothing stores. */
export function newResetToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashResetToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The form token of a page opened by a link (reset, reveal): there is no session to bind a CSRF
 * token to, so it is an HMAC of the link's token under a key derived from SESSION_SECRET for that
 * purpose; a form from elsewhere cannot carry it.
 */
export class ResetFormTokens {
  private readonly key: Buffer;

  constructor(sessionSecret: Buffer, purpose = 'password-reset') {
    this.key = Buffer.from(hkdfSync('sha256', sessionSecret, Buffer.alloc(0), `keydesk/${purpose}/form/v1`, 32));
  }

  issue(resetToken: string): string {
    return createHmac('sha256', this.key).update(resetToken, 'utf8').digest('base64url');
  }

  verify(resetToken: string, given: unknown): boolean {
    if (typeof given !== 'string') return false;
    const expected = Buffer.from(this.issue(resetToken));
    const actual = Buffer.from(given);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
