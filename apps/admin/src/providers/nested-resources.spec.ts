import { beforeEach, describe, expect, it, vi } from 'vitest';

import { createNested, deleteNested, getNestedList, nestedResource, updateNested } from './nested-resources';

const httpClient = vi.hoisted(() => vi.fn());
// The real client reads the browser's language and storage; these tests only look at the calls.
vi.mock('./http-client', () => ({ API_URL: '/api', httpClient }));

const clientUsers = nestedResource('client-users')!;
const page = { page: 2, perPage: 25 };
const anySort = { field: 'id', order: 'ASC' as const };

function answer(json: unknown, contentRange?: string) {
  const headers = new Headers(contentRange ? { 'Content-Range': contentRange } : {});
  httpClient.mockResolvedValueOnce({ json, headers });
}

const listOf = (id: number) => ({ target: 'clientId', id, pagination: page, sort: anySort, filter: {} });

describe('nested resources', () => {
  beforeEach(() => httpClient.mockReset());

  it('knows only the nested names', () => {
    expect(nestedResource('clients')).toBeUndefined();
    expect(nestedResource('ticket-messages')).toEqual({ parent: 'tickets', parentKey: 'ticketId', path: 'messages' });
  });

  it('lists under the parent with the page only, total from Content-Range', async () => {
    answer([{ id: 1 }], 'activity 25-25/26');
    const result = await getNestedList(nestedResource('client-activity')!, listOf(7));
    expect(httpClient.mock.calls[0][0]).toBe(`/api/clients/7/activity?range=${encodeURIComponent('[25,49]')}`);
    expect(result).toEqual({ data: [{ id: 1 }], total: 26 });
  });

  it('counts a whole list answered without Content-Range', async () => {
    answer([{ id: 1 }, { id: 2 }]);
    const result = await getNestedList(clientUsers, listOf(7));
    expect(result.total).toBe(2);
  });

  it('creates under the parent named in the data, without sending it', async () => {
    answer({ id: 9 });
    await createNested(clientUsers, { data: { clientId: 7, email: 'ana@example.com' } });
    const body = JSON.stringify({ email: 'ana@example.com' });
    expect(httpClient).toHaveBeenCalledWith('/api/clients/7/users', { method: 'POST', body });
  });

  it('updates under the parent of the previous record', async () => {
    answer({ id: 3 });
    const data = { body: 'x', sticky: true };
    await updateNested(nestedResource('client-notes')!, { id: 3, data, previousData: { id: 3, clientId: 7 } });
    expect(httpClient).toHaveBeenCalledWith('/api/clients/7/notes/3', { method: 'PUT', body: JSON.stringify(data) });
  });

  it('deletes with the extra query, answering the removed record', async () => {
    answer(undefined);
    const previousData = { id: 4, clientId: 7 };
    const result = await deleteNested(clientUsers, { id: 4, previousData, meta: { query: { newOwnerId: '5' } } });
    expect(httpClient).toHaveBeenCalledWith('/api/clients/7/users/4?newOwnerId=5', { method: 'DELETE' });
    expect(result).toEqual({ data: previousData });
  });
});
