import { timingSafeEqual } from 'node:crypto';

import { ErrorCode, Locale } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { UserEntity } from '../users/user.entity';

/** How pages and the audit trail name a customer. */
export function userName(user: Pick<UserEntity, 'firstName' | 'lastName'>): string {
  return `${user.firstName} ${user.lastName}`.trim();
}

/** SignInThrottleService's refusals as a page message (account.login.*); null for any other error. */
export function throttleRefusal(
  error: unknown,
): { error: { key: string; params: Record<string, number> }; retryAfter: number } | null {
  if (!(error instanceof DomainError) || error.retryAfterSeconds === undefined) return null;
  const retryAfter = error.retryAfterSeconds;
  if (error.code === ErrorCode.TooManyAttempts)
    return { error: { key: 'throttled', params: { seconds: retryAfter } }, retryAfter };
  if (error.code === ErrorCode.AccountLocked)
    return { error: { key: 'locked', params: { minutes: Math.ceil(retryAfter / 60) } }, retryAfter };
  return null;
}

/** A form's token against the session's, in constant time. */
export function sameToken(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `?lang=es|en` on a client-area page; null lets Accept-Language choose. */
export function pickLocale(value: unknown): Locale | null {
  return value === 'es' || value === 'en' ? value : null;
}
