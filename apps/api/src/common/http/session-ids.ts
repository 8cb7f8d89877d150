import { createHash, randomBytes } from 'node:crypto';

/**
 * A session's id as staff and customer sessions both keep it (OWASP Session Management): 256
 * random bits in the cookie, and only their SHA-256 in the database, so a copy of the table lets
 * nobody ride a live session. The same for the session's CSRF token's randomness.
 */
export function newSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionId(cookieId: string): string {
  return createHash('sha256').update(cookieId, 'utf8').digest('hex');
}

/** What a cookie from newSessionSecret looks like; anything else is no session. */
export const SESSION_ID_SHAPE = /^[A-Za-z0-9_-]{43}$/;
