import { beforeEach, describe, expect, it, vi } from 'vitest';

import { activityExportUrl, getActivityList, toActivityApiFilter } from './activity-pages';

const httpClient = vi.hoisted(() => vi.fn());
// The real client reads the browser's language and storage; these tests only look at the calls.
vi.mock('./http-client', () => ({ API_URL: '/api', httpClient }));

function answer(rows: unknown[], nextCursor?: number) {
  const headers = new Headers(nextCursor ? { 'X-Next-Cursor': String(nextCursor) } : {});
  httpClient.mockResolvedValueOnce({ json: rows, headers });
}

/** The query of the n-th call, parsed. */
function queryOf(call: number): Record<string, string> {
  const url = new URL(String(httpClient.mock.calls[call][0]), 'http://localhost');
  return Object.fromEntries(url.searchParams);
}

const anySort = { field: 'id', order: 'ASC' as const };
const list = (page: number, filter: Record<string, unknown> = {}, perPage = 50) =>
  getActivityList({ pagination: { page, perPage }, sort: anySort, filter });

describe('activity pages', () => {
  beforeEach(() => httpClient.mockReset());

  it('turns whole days into instants, the end day included, and drops empty values', () => {
    const filter = toActivityApiFilter({
      from: '2026-03-02',
      to: '2026-03-02',
      staffId: 4,
      action: [],
      q: ' ana ',
      ip: '',
    });
    expect(filter).toEqual({
      staffId: 4,
      q: 'ana',
      from: new Date(2026, 2, 2).toISOString(),
      to: new Date(2026, 2, 3).toISOString(),
    });
  });

  it('reads the first page by range, without sort, and knows there is an older one', async () => {
    answer([{ id: 'a' }], 951);
    const result = await list(1, { action: ['user.password_set'] });
    expect(queryOf(0)).toEqual({ filter: JSON.stringify({ action: ['user.password_set'] }), range: '[0,49]' });
    expect(result).toEqual({ data: [{ id: 'a' }], pageInfo: { hasNextPage: true, hasPreviousPage: false } });
  });

  it('opens the next page with the cursor the page before gave', async () => {
    answer([{ id: 'a' }], 900);
    await list(1, { q: 'cursor' });
    answer([{ id: 'b' }]);
    const result = await list(2, { q: 'cursor' });
    expect(queryOf(1)).toMatchObject({ range: '[0,49]', cursor: '900' });
    expect(result.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
  });

  it('goes by offset to a page it has no cursor for, within the first thousand entries', async () => {
    answer([{ id: 'c' }], 700);
    await list(3, { q: 'offset' });
    expect(queryOf(0)).toMatchObject({ range: '[100,149]' });
    expect(queryOf(0).cursor).toBeUndefined();
  });

  it('walks from the deepest page it can reach to a deep page it has no cursor for', async () => {
    answer([{ id: 'p21' }], 500);
    answer([{ id: 'p22' }], 450);
    answer([{ id: 'p23' }], 400);
    const result = await list(23, { q: 'deep' });
    expect(httpClient).toHaveBeenCalledTimes(3);
    expect(queryOf(0)).toMatchObject({ range: '[1000,1049]' });
    expect(queryOf(1)).toMatchObject({ cursor: '500' });
    expect(queryOf(2)).toMatchObject({ cursor: '450' });
    expect(result.data).toEqual([{ id: 'p23' }]);
  });

  it('answers an empty last page when the walk ends before the page asked for', async () => {
    answer([{ id: 'p21' }]);
    const result = await list(22, { q: 'short' });
    expect(result).toEqual({ data: [], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
  });

  it('downloads with the same filter as the list', () => {
    const url = new URL(activityExportUrl({ staffId: 3, q: '' }, 'jsonl'), 'http://localhost');
    expect(url.pathname).toBe('/api/activity/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({ format: 'jsonl', filter: '{"staffId":3}' });
  });
});
