import { checkPassword, PasswordRejection, resolveMinLength, type PasswordPolicyOptions } from './check-password';
import { codePointLength } from './limits';
import type { PasswordContext } from './personal-info';

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

/** Stable identifiers like the rejections, which they include; the UI translates them. */
export type PasswordStrengthReason = 'empty' | PasswordRejection | 'meets_minimum' | 'long' | 'very_long';

export interface PasswordStrength {
  score: PasswordScore;
  reason: PasswordStrengthReason;
}

// Each five characters past the minimum move the meter one step; enough to explain in a line.
const CHARACTERS_PER_STEP = 5;

/**
 * A score for a strength meter, explainable in one sentence: 0 refused (or empty), 1 only too
 * short, 2 to 4 accepted and longer. Deliberately not an entropy estimate: past the blocklist,
 * length is what makes a password hard to guess.
 */
export function passwordStrength(
  password: string,
  context: PasswordContext = {},
  options: PasswordPolicyOptions = {},
): PasswordStrength {
  if (password.length === 0) return { score: 0, reason: 'empty' };
  const check = checkPassword(password, context, options);
  const worse = check.reasons.find((reason) => reason !== PasswordRejection.TooShort);
  if (worse) return { score: 0, reason: worse };
  if (!check.ok) return { score: 1, reason: PasswordRejection.TooShort };

  const extra = codePointLength(password) - resolveMinLength(options);
  if (extra >= 2 * CHARACTERS_PER_STEP) return { score: 4, reason: 'very_long' };
  if (extra >= CHARACTERS_PER_STEP) return { score: 3, reason: 'long' };
  return { score: 2, reason: 'meets_minimum' };
}
