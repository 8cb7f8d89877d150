import { API_TOKEN_MAX_DAYS } from '@keydesk/domain';

/** Long enough not to disturb an integration every few weeks, short enough that a forgotten token ends. */
export const DEFAULT_EXPIRY_DAYS = 90;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The browser's calendar date `days` from today, as a date input holds it (YYYY-MM-DD). */
export function dateInDays(days: number, today = new Date()): string {
  const date = new Date(today.getFullYear(), today.getMonth(), today.getDate() + days);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whole calendar days from today to a YYYY-MM-DD date; null for anything else. */
export function daysUntil(date: unknown, today = new Date()): number | null {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!match) return null;
  const [, year, month, day] = match.map(Number);
  const target = Date.UTC(year, month - 1, day);
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((target - start) / DAY_MS);
}

export function isAllowedExpiry(days: number | null): days is number {
  return days !== null && days >= 1 && days <= API_TOKEN_MAX_DAYS;
}

/**
 * The instant sent for a chosen date: now plus whole days, so the token ends at this time of day
 * on that date and the last date offered is never past the year the api allows (a calendar day
 * is not always 24 hours, a sum of milliseconds is).
 */
export function expiryInstant(days: number, now = new Date()): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString();
}
