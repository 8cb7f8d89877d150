import type { ActivityFilter, ActivityListEntry } from '@keydesk/domain';
import type { GetListParams, GetListResult } from 'react-admin';

import { API_URL, httpClient } from './http-client';

/** The api refuses offsets past this; deeper pages go by the cursor of the page before. */
const MAX_OFFSET = 1000;

/** "2025-03-14" (a day in the browser's time zone) → the ISO instant it starts. */
function startOfDay(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}

function startOfNextDay(day: string): string {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}

const isSet = (value: unknown) =>
  value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/**
 * The list's filter form in the api's words. The form picks whole days, "to" included, as people
 * say "from Monday to Friday"; the api takes instants, "to" excluded.
 */
export function toActivityApiFilter(values: Record<string, unknown> = {}): ActivityFilter {
  const filter: Record<string, unknown> = {};
  for (const key of ['clientId', 'userId', 'staffId', 'action', 'ip', 'q'] as const) {
    const value = values[key];
    if (isSet(value)) filter[key] = typeof value === 'string' ? value.trim() : value;
  }
  if (typeof values.from === 'string' && values.from) filter.from = startOfDay(values.from);
  if (typeof values.to === 'string' && values.to) filter.to = startOfNextDay(values.to);
  return filter as ActivityFilter;
}

/**
 * For each filter and page size, the cursor (the seq to pass as `cursor`) that opens each page,
 * learnt from the X-Next-Cursor of the page before. Page 1 needs none.
 */
const cursors = new Map<string, Map<number, number>>();

function cursorsFor(key: string): Map<number, number> {
  let known = cursors.get(key);
  if (!known) {
    known = new Map();
    cursors.set(key, known);
  }
  return known;
}

interface FetchedPage {
  data: ActivityListEntry[];
  nextCursor: number | null;
}

async function fetchPage(
  filter: ActivityFilter,
  perPage: number,
  start: { offset: number } | { cursor: number },
  signal?: AbortSignal,
): Promise<FetchedPage> {
  const offset = 'offset' in start ? start.offset : 0;
  const query = new URLSearchParams({
    filter: JSON.stringify(filter),
    range: JSON.stringify([offset, offset + perPage - 1]),
  });
  if ('cursor' in start) query.set('cursor', String(start.cursor));
  const { headers, json } = await httpClient(`${API_URL}/activity?${query}`, { signal });
  const next = headers.get('X-Next-Cursor');
  return { data: json as ActivityListEntry[], nextCursor: next ? Number(next) : null };
}

/**
 * The activity log, newest first, a page at a time without a total (the api does not count
 * millions of rows): react-admin's partial pagination. The first pages may go by offset; a page
 * whose cursor is unknown past the offset limit (a reload on page 40) is reached by walking from
 * the deepest page that can be fetched directly.
 */
export async function getActivityList(params: GetListParams): Promise<GetListResult<ActivityListEntry>> {
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 50 };
  const filter = toActivityApiFilter(params.filter);
  const known = cursorsFor(JSON.stringify([filter, perPage]));
  const reachable = (p: number) => p === 1 || known.has(p) || (p - 1) * perPage <= MAX_OFFSET;

  let current = page;
  while (!reachable(current)) current -= 1;
  let fetched: FetchedPage = { data: [], nextCursor: null };
  for (; current <= page; current += 1) {
    const cursor = current > 1 ? known.get(current) : undefined;
    const start = cursor === undefined ? { offset: (current - 1) * perPage } : { cursor };
    fetched = await fetchPage(filter, perPage, start, params.signal);
    if (fetched.nextCursor === null) known.delete(current + 1);
    else known.set(current + 1, fetched.nextCursor);
    if (fetched.nextCursor === null && current < page)
      return { data: [], pageInfo: { hasNextPage: false, hasPreviousPage: page > 1 } };
  }
  return { data: fetched.data, pageInfo: { hasNextPage: fetched.nextCursor !== null, hasPreviousPage: page > 1 } };
}

/** Where the browser downloads the log with the list's filters; a plain GET with the session cookie. */
export function activityExportUrl(values: Record<string, unknown>, format: 'csv' | 'jsonl'): string {
  const query = new URLSearchParams({ format, filter: JSON.stringify(toActivityApiFilter(values)) });
  return `${API_URL}/activity/export?${query}`;
}
