import type {
  CreatedApiToken,
  CreatedWebhook,
  Permission,
  WebhookDeliveryResponse,
  WebhookEvent,
} from '@keydesk/domain';
import type { Identifier } from 'react-admin';

import { API_URL, httpClient } from './http-client';

/** Body of POST /api/api-tokens: `expiresAt` an instant at most API_TOKEN_MAX_DAYS away. */
export interface ApiTokenRequest {
  name: string;
  permissions: Permission[];
  expiresAt: string;
}

/** Body of POST /api/webhooks. */
export interface WebhookRequest {
  url: string;
  events: WebhookEvent[];
}

/**
 * Integrations beyond their lists (which react-admin reads as `api-tokens`, `webhooks` and the nested
 * `webhook-deliveries`): making a token or a webhook answers its secret once, and revoking,
 * removing and sending again answer no record to put in a list.
 */
export interface IntegrationsDataProvider {
  /** Needs a recent step-up; the token is in this answer only. */
  createApiToken(request: ApiTokenRequest): Promise<CreatedApiToken>;
  revokeApiToken(id: Identifier): Promise<void>;
  /** Needs a recent step-up; the signing secret is in this answer only. */
  createWebhook(request: WebhookRequest): Promise<CreatedWebhook>;
  removeWebhook(id: Identifier): Promise<void>;
  /** Queues a delivered or failed event once more, with the same webhook-id; resolves with the delivery. */
  sendWebhookDeliveryAgain(webhookId: Identifier, deliveryId: Identifier): Promise<WebhookDeliveryResponse>;
}

const segment = (id: Identifier) => encodeURIComponent(String(id));

async function post<T>(path: string, body?: unknown): Promise<T> {
  const { json } = await httpClient(`${API_URL}${path}`, {
    method: 'POST',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return json as T;
}

async function remove(path: string): Promise<void> {
  await httpClient(`${API_URL}${path}`, { method: 'DELETE' });
}

export const integrationsProvider: IntegrationsDataProvider = {
  createApiToken: (request) => post('/api-tokens', request),
  revokeApiToken: (id) => remove(`/api-tokens/${segment(id)}`),
  createWebhook: (request) => post('/webhooks', request),
  removeWebhook: (id) => remove(`/webhooks/${segment(id)}`),
  sendWebhookDeliveryAgain: (webhookId, deliveryId) =>
    post(`/webhooks/${segment(webhookId)}/deliveries/${segment(deliveryId)}/retry`),
};
