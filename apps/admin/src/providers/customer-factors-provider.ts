import type { ClientResponse, UserFactorRemovalResponse } from '@keydesk/domain';
import type { Identifier } from 'react-admin';

import { API_URL, httpClient } from './http-client';

/** Body of POST /api/users/:id/two-factor/removal. */
export interface FactorRemovalRequest {
  /** How the caller was verified and what they lost, for the activity log. */
  reason: string;
  /** One of the tickets of the user's clients: the one the customer asked on. */
  ticketId: number;
  /** The supervisor's approval; the api takes it only from an agent who verified the caller too. */
  approvalId?: number;
}

/** Customers' second factors, from staff's side: a lost one removed, a client requiring one of every user. */
export interface CustomerFactorsDataProvider {
  /** Every factor of the user goes and every session ends; resolves with their factors as they are now. */
  removeUserFactors(userId: Identifier, request: FactorRemovalRequest): Promise<UserFactorRemovalResponse>;
  setClientTwoFactorRequirement(clientId: Identifier, required: boolean): Promise<ClientResponse>;
}

const segment = (id: Identifier) => encodeURIComponent(String(id));

async function send<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> {
  const { json } = await httpClient(`${API_URL}${path}`, { method, body: JSON.stringify(body) });
  return json as T;
}

export const customerFactorsProvider: CustomerFactorsDataProvider = {
  removeUserFactors: (userId, request) => send('POST', `/users/${segment(userId)}/two-factor/removal`, request),
  setClientTwoFactorRequirement: (clientId, required) =>
    send('PUT', `/clients/${segment(clientId)}/two-factor`, { required }),
};
