import {
  CUSTOMER_SESSION_ABSOLUTE_SECONDS,
  CUSTOMER_SESSION_IDLE_SECONDS,
  NEW_EMAIL_HOLD_HOURS,
  PASSWORD_MIN_LENGTH,
  RESET_LINK_SECONDS,
  STAFF_SESSION_ABSOLUTE_SECONDS,
  STAFF_SESSION_IDLE_SECONDS,
  TEMPORARY_PASSWORD_SECONDS,
} from '@keydesk/domain';

import { ConfigErrors, Env, readInteger } from './config-errors';

export interface AuthConfig {
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  /** NIST SP 800-63B rev. 4: 15 for single-factor accounts; 8 is the floor it allows with MFA. */
  passwordMinLength: number;
  /** Concurrent argon2id hashes (19 MiB each); the rest wait in a bounded queue. */
  hashConcurrency: number;
  hashQueueLimit: number;
  /** RESET_LINK_MINUTES: how long a password reset link works. */
  resetLinkSeconds: number;
  /** TEMP_PASSWORD_HOURS: how long a password set by an agent (and its view-once link) works. */
  temporaryPasswordSeconds: number;
  /** CUSTOMER_SESSION_IDLE_MINUTES / CUSTOMER_SESSION_ABSOLUTE_HOURS: the client area's sessions. */
  customerSessionIdleSeconds: number;
  customerSessionAbsoluteSeconds: number;
  /** STEP_UP_MINUTES: how long a proved factor (or password) covers the sensitive actions. */
  stepUpSeconds: number;
  /** STAFF_TWO_FACTOR: whether every staff member must sign in with a second factor. */
  staffTwoFactor: 'required' | 'optional';
  /** NEW_EMAIL_HOLD_HOURS: how long an address staff set waits before a password may go to it; 0 turns it off. */
  newEmailHoldSeconds: number;
}

export function readAuthConfig(env: Env, errors: ConfigErrors, production: boolean): AuthConfig {
  const staffTwoFactor = env.STAFF_TWO_FACTOR ?? (production ? 'required' : 'optional');
  if (staffTwoFactor !== 'required' && staffTwoFactor !== 'optional') {
    errors.add('STAFF_TWO_FACTOR', 'must be "required" or "optional"', staffTwoFactor);
  }
  return {
    staffTwoFactor: staffTwoFactor === 'optional' ? 'optional' : 'required',
    stepUpSeconds: 60 * readInteger(env, errors, 'STEP_UP_MINUTES', 15, 1, 60),
    sessionIdleSeconds:
      60 * readInteger(env, errors, 'SESSION_IDLE_MINUTES', STAFF_SESSION_IDLE_SECONDS / 60, 1, 24 * 60),
    sessionAbsoluteSeconds:
      3600 * readInteger(env, errors, 'SESSION_ABSOLUTE_HOURS', STAFF_SESSION_ABSOLUTE_SECONDS / 3600, 1, 24 * 7),
    passwordMinLength: readInteger(env, errors, 'PASSWORD_MIN_LENGTH', PASSWORD_MIN_LENGTH, 8, 64),
    hashConcurrency: readInteger(env, errors, 'PASSWORD_HASH_CONCURRENCY', 4, 1, 64),
    hashQueueLimit: readInteger(env, errors, 'PASSWORD_HASH_QUEUE', 200, 1, 10_000),
    resetLinkSeconds: 60 * readInteger(env, errors, 'RESET_LINK_MINUTES', RESET_LINK_SECONDS / 60, 5, 24 * 60),
    temporaryPasswordSeconds:
      3600 * readInteger(env, errors, 'TEMP_PASSWORD_HOURS', TEMPORARY_PASSWORD_SECONDS / 3600, 1, 24 * 7),
    customerSessionIdleSeconds:
      60 * readInteger(env, errors, 'CUSTOMER_SESSION_IDLE_MINUTES', CUSTOMER_SESSION_IDLE_SECONDS / 60, 1, 24 * 60),
    customerSessionAbsoluteSeconds:
      3600 *
      readInteger(env, errors, 'CUSTOMER_SESSION_ABSOLUTE_HOURS', CUSTOMER_SESSION_ABSOLUTE_SECONDS / 3600, 1, 24 * 7),
    newEmailHoldSeconds: 3600 * readInteger(env, errors, 'NEW_EMAIL_HOLD_HOURS', NEW_EMAIL_HOLD_HOURS, 0, 24 * 14),
  };
}
