import { PASSWORD_ACTIONS } from '@keydesk/domain';

import type { ActivityPeriod } from '../providers/activity-provider';

/** The dashboard's default period, and the longest the api accepts. */
export const DEFAULT_PERIOD_DAYS = 14;
export const MAX_PERIOD_DAYS = 92;

/** This browser's time zone (an IANA name): the dashboard's days are the supervisor's own. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A day as "2025-03-14", in this browser's time zone. */
export function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight of a day: calendar arithmetic, so a day across a DST change is still one day. */
function midnightOf(day: string, plusDays = 0): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + plusDays);
}

export function addDays(day: string, days: number): string {
  return localDay(midnightOf(day, days));
}

/** Every day from `from` to `to`, both included; empty when they are the wrong way round. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to && days.length <= MAX_PERIOD_DAYS; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The last `DEFAULT_PERIOD_DAYS` days, today included. */
export function defaultDays(now = new Date()): { from: string; to: string } {
  const to = localDay(now);
  return { from: addDays(to, 1 - DEFAULT_PERIOD_DAYS), to };
}

const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && localDay(midnightOf(text)) === text;

/** Whole local days, `to` included, as the api's period (`to` excluded); null when the api would refuse it. */
export function periodOf(from: string, to: string): ActivityPeriod | null {
  // A date input is empty, or half typed, while someone edits it.
  if (!isDay(from) || !isDay(to)) return null;
  const days = daysOf(from, to).length;
  if (days === 0 || days > MAX_PERIOD_DAYS) return null;
  return { from: midnightOf(from).toISOString(), to: midnightOf(to, 1).toISOString() };
}

/** The activity log filtered to password actions, for "See the entries" links: the same local days as the chart. */
export function passwordActionsListPath(filter: {
  staffId?: string | number | null;
  from: string;
  to: string;
}): string {
  const { staffId, ...period } = filter;
  const values = { ...(staffId == null ? {} : { staffId }), ...period, action: PASSWORD_ACTIONS };
  return `/activity?filter=${encodeURIComponent(JSON.stringify(values))}`;
}
