/**
 * Default lifetimes and limits, in seconds unless named otherwise. Configuration may override
 * them; these are the values a fresh install runs with and the ones the UI explains.
 */
const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** OWASP Session Management: idle 15-30 min for low-risk apps; absolute 4-8 h for office work. */
export const STAFF_SESSION_IDLE_SECONDS = 30 * MINUTE;
export const STAFF_SESSION_ABSOLUTE_SECONDS = 8 * HOUR;

/** The client area: the same idle limit; a longer working day, since customers sign in rarely. */
export const CUSTOMER_SESSION_IDLE_SECONDS = 30 * MINUTE;
export const CUSTOMER_SESSION_ABSOLUTE_SECONDS = 12 * HOUR;

export const RESET_LINK_SECONDS = 60 * MINUTE;
export const RESCUE_CODE_SECONDS = 60 * MINUTE;
export const TEMPORARY_PASSWORD_SECONDS = 24 * HOUR;

/** Sign-in throttling (OWASP Authentication cheat sheet, ASVS V2.2.1). */
export const SIGN_IN_THROTTLE = {
  /** Failures per user name and IP inside the window before answers become 429. */
  failuresPerNameAndIp: 5,
  windowSeconds: MINUTE,
  /** First block; it doubles with each further block in a row, up to maxBlockSeconds. */
  firstBlockSeconds: MINUTE,
  maxBlockSeconds: 15 * MINUTE,
  /** Failures on one account from all IPs inside lockoutWindowSeconds that lock it. */
  lockoutFailures: 20,
  lockoutWindowSeconds: 15 * MINUTE,
  /** Lockouts expire by themselves, so an attacker cannot make them permanent. */
  lockoutSeconds: 15 * MINUTE,
} as const;
