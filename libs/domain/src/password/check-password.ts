import { isCommonPassword } from './common-password-lookup';
import { codePointLength, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_MIN_LENGTH_FLOOR } from './limits';
import { containsPersonalInfo, type PasswordContext } from './personal-info';
import { isRepetitive, isSequential } from './predictable-patterns';

/**
 * Why a password is refused. Stable identifiers: the api and the admin UI translate them, and
 * the order below is the order of `PasswordCheck.reasons`.
 */
export const PasswordRejection = {
  TooShort: 'too_short',
  TooLong: 'too_long',
  Common: 'common',
  Repetitive: 'repetitive',
  Sequential: 'sequential',
  ContainsPersonalInfo: 'contains_personal_info',
} as const;

export type PasswordRejection = (typeof PasswordRejection)[keyof typeof PasswordRejection];

export interface PasswordPolicyOptions {
  /** Defaults to PASSWORD_MIN_LENGTH; between PASSWORD_MIN_LENGTH_FLOOR and PASSWORD_MAX_LENGTH. */
  minLength?: number;
}

export interface PasswordCheck {
  ok: boolean;
  reasons: PasswordRejection[];
  /** In code points, as the limits are. */
  length: number;
  minLength: number;
  maxLength: number;
}

export function resolveMinLength(options: PasswordPolicyOptions = {}): number {
  const minLength = options.minLength ?? PASSWORD_MIN_LENGTH;
  // A wrong minimum is a configuration mistake, not a user's: fail loudly rather than weaken.
  if (!Number.isInteger(minLength) || minLength < PASSWORD_MIN_LENGTH_FLOOR || minLength > PASSWORD_MAX_LENGTH) {
    throw new RangeError(
      `minLength must be an integer from ${PASSWORD_MIN_LENGTH_FLOOR} to ${PASSWORD_MAX_LENGTH}, got ${minLength}`,
    );
  }
  return minLength;
}

/**
 * The one password policy, for staff and customers alike (NIST SP 800-63B rev. 4, OWASP): a
 * length range, a blocklist of common, repetitive, sequential and service words, and none of
 * the account's own data. No composition rules, and the whole string is checked: nothing is
 * truncated, and the same string is what gets hashed.
 */
export function checkPassword(
  password: string,
  context: PasswordContext = {},
  options: PasswordPolicyOptions = {},
): PasswordCheck {
  const minLength = resolveMinLength(options);
  const length = codePointLength(password);
  const result = (reasons: PasswordRejection[]): PasswordCheck => ({
    ok: reasons.length === 0,
    reasons,
    length,
    minLength,
    maxLength: PASSWORD_MAX_LENGTH,
  });

  // Over the limit nothing else matters, and the rest of the work is not spent on huge input.
  if (length > PASSWORD_MAX_LENGTH) return result([PasswordRejection.TooLong]);

  const reasons: PasswordRejection[] = [];
  if (length < minLength) reasons.push(PasswordRejection.TooShort);
  if (length === 0) return result(reasons);
  if (isCommonPassword(password)) reasons.push(PasswordRejection.Common);
  const repetitive = isRepetitive(password);
  if (repetitive) reasons.push(PasswordRejection.Repetitive);
  // "aaaa…" is a run of equal steps too; naming it twice would only confuse the reader.
  if (!repetitive && isSequential(password)) reasons.push(PasswordRejection.Sequential);
  if (containsPersonalInfo(password, context)) reasons.push(PasswordRejection.ContainsPersonalInfo);
  return result(reasons);
}
