import type {
  CreateParams,
  CreateResult,
  DeleteParams,
  DeleteResult,
  GetManyReferenceParams,
  GetManyReferenceResult,
  Identifier,
  RaRecord,
  UpdateParams,
  UpdateResult,
} from 'react-admin';

import { API_URL, httpClient } from './http-client';

interface NestedResource {
  /** The api's collection of the parent records, e.g. `clients`. */
  parent: string;
  /** The field of each record that names its parent, e.g. `clientId`. */
  parentKey: string;
  /** The collection under one parent record, e.g. `users` in /api/clients/7/users. */
  path: string;
}

/**
 * Records the api lists under a parent (/api/clients/7/users) rather than at the top level. The
 * screens read them with getManyReference, whose `id` is the parent's, as react-admin's
 * ReferenceManyField does; writes find the parent in the record itself.
 */
const NESTED_RESOURCES: Record<string, NestedResource> = {
  'client-users': { parent: 'clients', parentKey: 'clientId', path: 'users' },
  'client-contacts': { parent: 'clients', parentKey: 'clientId', path: 'contacts' },
  'client-notes': { parent: 'clients', parentKey: 'clientId', path: 'notes' },
  'client-activity': { parent: 'clients', parentKey: 'clientId', path: 'activity' },
  'user-sign-ins': { parent: 'users', parentKey: 'userId', path: 'sign-ins' },
  'user-activity': { parent: 'users', parentKey: 'userId', path: 'activity' },
  'user-password-resets': { parent: 'users', parentKey: 'userId', path: 'password-resets' },
  'user-rescue-codes': { parent: 'users', parentKey: 'userId', path: 'rescue-codes' },
  'ticket-messages': { parent: 'tickets', parentKey: 'ticketId', path: 'messages' },
  'webhook-deliveries': { parent: 'webhooks', parentKey: 'webhookId', path: 'deliveries' },
};

export function nestedResource(resource: string): NestedResource | undefined {
  return NESTED_RESOURCES[resource];
}

/** Extra query parameters of a delete, such as the new owner when the owner is removed. */
export interface NestedDeleteMeta {
  query?: Record<string, string>;
}

const segment = (id: Identifier | unknown) => encodeURIComponent(String(id));

function collectionUrl({ parent, path }: NestedResource, parentId: unknown): string {
  return `${API_URL}/${parent}/${segment(parentId)}/${path}`;
}

/** The body without the parent's id: it is in the path, and the api refuses unknown fields. */
function withoutParent(nested: NestedResource, data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => key !== nested.parentKey && key !== 'id'));
}

/**
 * Only the page is sent: each of these lists has one order, the api's (newest first, owner
 * first...), and a filter on the parent would repeat the path.
 */
export async function getNestedList<R extends RaRecord>(
  nested: NestedResource,
  params: GetManyReferenceParams,
): Promise<GetManyReferenceResult<R>> {
  const { page, perPage } = params.pagination;
  const range = JSON.stringify([(page - 1) * perPage, page * perPage - 1]);
  const url = `${collectionUrl(nested, params.id)}?range=${encodeURIComponent(range)}`;
  const { headers, json } = await httpClient(url, { signal: params.signal });
  const data = json as R[];
  // The short lists (a client's users, contacts) come whole, without a Content-Range to page by.
  const total = Number.parseInt(headers.get('Content-Range')?.split('/').pop() ?? '', 10);
  return { data, total: Number.isNaN(total) ? data.length : total };
}

export async function createNested<R extends RaRecord>(
  nested: NestedResource,
  params: CreateParams,
): Promise<CreateResult<R>> {
  const data = params.data as Record<string, unknown>;
  const { json } = await httpClient(collectionUrl(nested, data[nested.parentKey]), {
    method: 'POST',
    body: JSON.stringify(withoutParent(nested, data)),
  });
  return { data: json as R };
}

export async function updateNested<R extends RaRecord>(
  nested: NestedResource,
  params: UpdateParams,
): Promise<UpdateResult<R>> {
  const parentId = (params.previousData as Record<string, unknown>)[nested.parentKey];
  const { json } = await httpClient(`${collectionUrl(nested, parentId)}/${segment(params.id)}`, {
    method: 'PUT',
    body: JSON.stringify(withoutParent(nested, params.data as Record<string, unknown>)),
  });
  return { data: json as R };
}

export async function deleteNested<R extends RaRecord>(
  nested: NestedResource,
  params: DeleteParams<R>,
): Promise<DeleteResult<R>> {
  const previous = params.previousData as Record<string, unknown> | undefined;
  const meta = params.meta as NestedDeleteMeta | undefined;
  const query = meta?.query ? `?${new URLSearchParams(meta.query).toString()}` : '';
  const url = `${collectionUrl(nested, previous?.[nested.parentKey])}/${segment(params.id)}${query}`;
  await httpClient(url, { method: 'DELETE' });
  // The api answers 204; react-admin wants the record that was removed.
  return { data: params.previousData as R };
}
