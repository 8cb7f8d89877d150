import { ConfigErrors, Env, readInteger } from './config-errors';

/** Webhook deliveries. */
export interface WebhooksConfig {
  /** WEBHOOK_WORKER_INTERVAL_MS: how often each api process looks for due deliveries; 0 turns its worker off. */
  workerIntervalMs: number;
}

export function readWebhooksConfig(env: Env, errors: ConfigErrors): WebhooksConfig {
  return { workerIntervalMs: readInteger(env, errors, 'WEBHOOK_WORKER_INTERVAL_MS', 2000, 0, 3_600_000) };
}
