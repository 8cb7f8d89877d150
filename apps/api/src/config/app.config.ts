import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { ActivityConfig, readActivityConfig } from './activity.config';
import { AssuranceConfig, readAssuranceConfig } from './assurance.config';
import { readWebhooksConfig, WebhooksConfig } from './webhooks.config';
import { AuthConfig, readAuthConfig } from './auth.config';
import { BootstrapConfig, readBootstrapConfig } from './bootstrap.config';
import { ConfigErrors, Env } from './config-errors';
import { DatabaseConfig, readDatabaseConfig } from './database.config';
import { MailConfig, readMailConfig } from './mail.config';
import { readRescueConfig, RescueConfig } from './rescue.config';
import { readSecretsConfig, SecretsConfig } from './secrets.config';
import { readServerConfig, ServerConfig } from './server.config';

/** The whole validated configuration, injected as AppConfig; read once at start. */
export class AppConfig {
  constructor(
    readonly dataDir: string,
    readonly server: ServerConfig,
    readonly database: DatabaseConfig,
    readonly auth: AuthConfig,
    readonly secrets: SecretsConfig,
    readonly bootstrap: BootstrapConfig,
    readonly mail: MailConfig,
    readonly rescue: RescueConfig,
    readonly activity: ActivityConfig,
    readonly assurance: AssuranceConfig,
    readonly webhooks: WebhooksConfig,
  ) {}
}

/** The repository root, found from this file whether it runs from src/ (tests) or dist/. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

/** Reads an optional .env (the environment wins), then validates everything at once. */
export function loadConfig(env: Env = process.env, envFile = join(process.cwd(), '.env')): AppConfig {
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  const errors = new ConfigErrors();
  const dataDir = resolve(env.DATA_DIR ?? join(process.cwd(), 'data'));
  const server = readServerConfig(env, errors, join(REPO_ROOT, 'apps', 'admin', 'dist'));
  const database = readDatabaseConfig(env, errors, dataDir);
  const auth = readAuthConfig(env, errors, server.production);
  const secrets = readSecretsConfig(env, errors, dataDir, server.production);
  const bootstrap = readBootstrapConfig(env, errors, database);
  const mail = readMailConfig(env, errors, server.production);
  const rescue = readRescueConfig(env, errors);
  const activity = readActivityConfig(env, errors);
  const assurance = readAssuranceConfig(env, errors);
  const webhooks = readWebhooksConfig(env, errors);
  errors.throwIfAny();
  return new AppConfig(
    dataDir,
    server,
    database,
    auth,
    secrets,
    bootstrap,
    mail,
    rescue,
    activity,
    assurance,
    webhooks,
  );
}
