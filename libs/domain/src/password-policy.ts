/**
 * The password policy, one for staff and customers: what is accepted, why something is refused,
 * a strength score for the UI and a generator. Framework- and platform-free, so the api enforces
 * it and the admin UI shows the same verdict while the user types.
 */
export {
  PASSWORD_MAX_BYTES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MIN_LENGTH_FLOOR,
  codePointLength,
  utf8ByteLength,
} from './password/limits';
export type { PasswordContext } from './password/personal-info';
export {
  PasswordRejection,
  checkPassword,
  type PasswordCheck,
  type PasswordPolicyOptions,
} from './password/check-password';
export {
  passwordStrength,
  type PasswordScore,
  type PasswordStrength,
  type PasswordStrengthReason,
} from './password/password-strength';
export { generatePassword, type RandomBytes } from './password/generate-password';
