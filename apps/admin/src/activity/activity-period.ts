import { PASSWORD_ACTIONS } from '@keydesk/domain';

import type { ActivityPeriod } from '../providers/activity-provider';

/** The dashboard's default period, and the longest the api accepts. */
export const DEFAULT_PERIOD_DAYS = 14;
export const MAX_PERIOD_DAYS = 92;

const DAY_MS = 24 * 3600_000;

/** Days as "2025-03-14" in UTC: the api counts password actions per UTC day. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** Every day from `from` to `to`, both included; empty when they are the wrong way round. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to && days.length <= MAX_PERIOD_DAYS; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The last `DEFAULT_PERIOD_DAYS` days, today included. */
export function defaultDays(now = new Date()): { from: string; to: string } {
  const to = utcDay(now);
  return { from: addDays(to, 1 - DEFAULT_PERIOD_DAYS), to };
}

const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/** Whole days, `to` included, as the api's period (`to` excluded); null when the api would refuse it. */
export function periodOf(from: string, to: string): ActivityPeriod | null {
  // A date input is empty, or half typed, while someone edits it.
  if (!isDay(from) || !isDay(to)) return null;
  const days = daysOf(from, to).length;
  if (days === 0 || days > MAX_PERIOD_DAYS) return null;
  return { from: `${from}T00:00:00.000Z`, to: `${addDays(to, 1)}T00:00:00.000Z` };
}

/**
 * The activity log filtered to password actions, for "See the entries" links. Its day filters are
 * the browser's days rather than UTC ones: close enough to find the entries behind a bar.
 */
export function passwordActionsListPath(filter: { staffId?: string | number | null; from: string; to: string }): string {
  const { staffId, ...period } = filter;
  const values = { ...(staffId == null ? {} : { staffId }), ...period, action: PASSWORD_ACTIONS };
  return `/activity?filter=${encodeURIComponent(JSON.stringify(values))}`;
}
