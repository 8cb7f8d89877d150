import { RESCUE_CODE_LIMITS, RESCUE_CODE_SECONDS } from '@keydesk/domain';

import { ConfigErrors, Env, readBoolean, readInteger } from './config-errors';

/** Rescue codes (the XPD procedure); defaults in libs/domain. */
export interface RescueConfig {
  /** RESCUE_CODE_MINUTES: how long a code works. */
  codeSeconds: number;
  /**
   * RESCUE_CUSTOMER_CHOOSES_PASSWORD: the stricter OWASP variant. After the code is accepted the
   * customer chooses the new password on the spot and nothing secret is mailed; by default (as
   * XPD does) a generated temporary password is mailed to the registered addresses.
   */
  customerChoosesPassword: boolean;
  accountMailIntervalSeconds: number;
  accountMailsPerDay: number;
  ipRequestsPerHour: number;
  failedRedemptionsPerHour: number;
  wrongTriesPerCode: number;
}

export function readRescueConfig(env: Env, errors: ConfigErrors): RescueConfig {
  const L = RESCUE_CODE_LIMITS;
  return {
    codeSeconds: 60 * readInteger(env, errors, 'RESCUE_CODE_MINUTES', RESCUE_CODE_SECONDS / 60, 5, 24 * 60),
    customerChoosesPassword: readBoolean(env, errors, 'RESCUE_CUSTOMER_CHOOSES_PASSWORD', false),
    accountMailIntervalSeconds: readInteger(
      env,
      errors,
      'RESCUE_ACCOUNT_MAIL_INTERVAL_SECONDS',
      L.accountMailIntervalSeconds,
      0,
      3600,
    ),
    accountMailsPerDay: readInteger(env, errors, 'RESCUE_ACCOUNT_MAILS_PER_DAY', L.accountMailsPerDay, 1, 100),
    ipRequestsPerHour: readInteger(env, errors, 'RESCUE_IP_REQUESTS_PER_HOUR', L.ipRequestsPerHour, 1, 10_000),
    failedRedemptionsPerHour: readInteger(
      env,
      errors,
      'RESCUE_FAILED_REDEMPTIONS_PER_HOUR',
      L.failedRedemptionsPerHour,
      1,
      1000,
    ),
    wrongTriesPerCode: readInteger(env, errors, 'RESCUE_WRONG_TRIES_PER_CODE', L.wrongTriesPerCode, 1, 20),
  };
}
