import { createHash, randomBytes } from 'node:crypto';

import { API_TOKEN_PREFIX } from '@keydesk/domain';

/** `kd_` and 192 random bits in base64url: more than the 160 the issue asks, and easy to spot. */
export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
}

/** High entropy: SHA-256 is enough to keep, and quick on every request. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token of an `Authorization: Bearer kd_…` header, or null when there is none of that shape. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer (kd_[A-Za-z0-9_-]{20,64})$/.exec(header ?? '');
  return match ? match[1] : null;
}
