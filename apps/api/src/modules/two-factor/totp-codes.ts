import { createHash, hkdfSync, randomBytes } from 'node:crypto';

import { Secret, TOTP } from 'otpauth';

import { normalizeRecoveryCode, RECOVERY_CODE_COUNT, TOTP_PARAMETERS } from '@keydesk/domain';
import { SecretBox } from '@keydesk/mailer';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 160 random bits, as RFC 4226 recommends, in the base32 that authenticator apps take. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpFor(secretBase32: string, label = '', issuer = 'Keydesk'): TOTP {
  return new TOTP({
    issuer,
    label,
    secret: Secret.fromBase32(secretBase32),
    algorithm: TOTP_PARAMETERS.algorithm,
    digits: TOTP_PARAMETERS.digits,
    period: TOTP_PARAMETERS.period,
  });
}

/** The time step a code belongs to (one step of drift either way), or null when it is not the secret's. */
export function stepOfCode(secretBase32: string, code: string, nowMs: number): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secretBase32).validate({ token, timestamp: nowMs, window: TOTP_PARAMETERS.window });
  return delta === null ? null : Math.floor(nowMs / 1000 / TOTP_PARAMETERS.period) + delta;
}

/**
 * The box the secrets are sealed in: a key derived from MAIL_ENCRYPTION_KEY for this purpose
 * (HKDF), bound to the staff member, so the database alone never holds a usable secret.
 */
export function totpBox(mailEncryptionKey: Buffer): SecretBox {
  return new SecretBox(
    Buffer.from(hkdfSync('sha256', mailEncryptionKey, Buffer.alloc(0), 'keydesk/staff-totp/v1', 32)),
  );
}

export const totpContext = (staffId: number) => `staff-totp:${staffId}`;

/** Ten codes of 15 Crockford base32 symbols (75 random bits), shown as XXXXX-XXXXX-XXXXX. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const symbols = [...randomBytes(15)].map((byte) => CROCKFORD[byte & 31]).join('');
    return `${symbols.slice(0, 5)}-${symbols.slice(5, 10)}-${symbols.slice(10)}`;
  });
}

/**
 * Kept per person (a staff member's id, or `user:<id>` for a customer): the same code of two
 * people never shares a hash. High entropy: no slow hash needed.
 */
export function recoveryCodeHash(owner: number | string, code: string): string {
  return createHash('sha256')
    .update(`${owner}:${normalizeRecoveryCode(code)}`, 'utf8')
    .digest('hex');
}

/** A customer's secret is sealed in the same box as staff's, bound to the user instead. */
export const userTotpContext = (userId: number) => `user-totp:${userId}`;
