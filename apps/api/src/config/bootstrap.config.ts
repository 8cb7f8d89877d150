import { ConfigErrors, Env, readBoolean } from './config-errors';
import { DatabaseConfig } from './database.config';

export interface BootstrapConfig {
  /** KEYDESK_ADMIN_USER / KEYDESK_ADMIN_PASSWORD: the first administrator, as Keycloak and Grafana do. */
  adminUsername?: string;
  adminPassword?: string;
  /** Demo staff (and later demo customers) on a first start; default on for the embedded database. */
  demoData: boolean;
}

export function readBootstrapConfig(env: Env, errors: ConfigErrors, database: DatabaseConfig): BootstrapConfig {
  const adminUsername = env.KEYDESK_ADMIN_USER?.trim() || undefined;
  const adminPassword = env.KEYDESK_ADMIN_PASSWORD || undefined;
  if (Boolean(adminUsername) !== Boolean(adminPassword)) {
    errors.add('KEYDESK_ADMIN_USER', 'and KEYDESK_ADMIN_PASSWORD must be set together');
  }
  const embedded = database.kind === 'sqlite' && database.embeddedDefault;
  return { adminUsername, adminPassword, demoData: readBoolean(env, errors, 'KEYDESK_DEMO_DATA', embedded) };
}
