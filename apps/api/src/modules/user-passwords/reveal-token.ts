import { hkdfSync } from 'node:crypto';

import { SecretBox } from '@keydesk/mailer';

import { hashResetToken, newResetToken } from '../password-resets/reset-token';

/** A view-once link's token: as random as a reset link's, stored the same way (its SHA-256). */
export const newRevealToken = newResetToken;
export const hashRevealToken = hashResetToken;

/**
 * The box that seals a temporary password for its link. The key comes from the token alone
 * (HKDF-SHA-256), so the database keeps a value only the link can open; the context binds it to
 * its user, so a sealed value copied onto another row does not open.
 */
export function revealBox(token: string): SecretBox {
  return new SecretBox(
    Buffer.from(hkdfSync('sha256', Buffer.from(token, 'utf8'), Buffer.alloc(0), 'keydesk/password-reveal/v1', 32)),
  );
}

export function revealContext(userId: number): string {
  return `password-reveal:user:${userId}`;
}
