import { ACTIVITY_ANOMALY_DEFAULTS } from '@keydesk/domain';

import { ConfigErrors, Env, readInteger } from './config-errors';

/** The activity log: how long entries stay in it, and when the dashboard flags a pattern. */
export interface ActivityConfig {
  /** ACTIVITY_RETENTION_DAYS: entries older than this move to the archive; 0 keeps everything. */
  retentionDays: number;
  /** ACTIVITY_BURST_THRESHOLD: password actions by one agent within an hour above which the hour is flagged. */
  burstPerHour: number;
  /** ACTIVITY_RECENT_SIGN_IN_MINUTES: a password action this soon after the user's own sign-in is flagged. */
  recentSignInMinutes: number;
}

export function readActivityConfig(env: Env, errors: ConfigErrors): ActivityConfig {
  return {
    retentionDays: readInteger(env, errors, 'ACTIVITY_RETENTION_DAYS', 0, 0, 36_500),
    burstPerHour: readInteger(
      env,
      errors,
      'ACTIVITY_BURST_THRESHOLD',
      ACTIVITY_ANOMALY_DEFAULTS.burstPerHour,
      1,
      10_000,
    ),
    recentSignInMinutes: readInteger(
      env,
      errors,
      'ACTIVITY_RECENT_SIGN_IN_MINUTES',
      ACTIVITY_ANOMALY_DEFAULTS.recentSignInMinutes,
      1,
      24 * 60,
    ),
  };
}
