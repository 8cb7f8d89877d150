import { RescueConfig } from '../../config/rescue.config';
import { RateLimit } from '../rate-limits/rate-limiter';
import { RescueName } from './rescue-accounts';

const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * The limits of the XPD procedure (defaults in libs/domain, RESCUE_* to change them). Accounts
 * are counted by the client key and user name as typed, whether or not they exist, so a 429
 * says nothing about which accounts do.
 */
export function requestLimits(config: RescueConfig, name: RescueName, ip: string | null): RateLimit[] {
  const account = `${name.clientKey}/${name.username}`;
  return [
    { key: `rescue-request:ip:${ip ?? 'unknown'}`, limit: config.ipRequestsPerHour, windowSeconds: HOUR },
    { key: `rescue-request:account-interval:${account}`, limit: 1, windowSeconds: config.accountMailIntervalSeconds },
    { key: `rescue-request:account-day:${account}`, limit: config.accountMailsPerDay, windowSeconds: DAY },
  ];
}

export function failedRedemptionLimits(config: RescueConfig, name: RescueName, ip: string | null): RateLimit[] {
  return [
    {
      key: `rescue-redeem-failed:account:${name.clientKey}/${name.username}`,
      limit: config.failedRedemptionsPerHour,
      windowSeconds: HOUR,
    },
    { key: `rescue-redeem-failed:ip:${ip ?? 'unknown'}`, limit: config.failedRedemptionsPerHour, windowSeconds: HOUR },
  ];
}
