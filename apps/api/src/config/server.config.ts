import { ConfigErrors, Env, readBoolean, readInteger } from './config-errors';

export interface ServerConfig {
  port: number;
  /** Origin used in links and to decide on Secure / __Host- cookies; never the request's Host. */
  publicUrl: URL;
  production: boolean;
  /** Express "trust proxy": a hop count or list, set when behind a load balancer. */
  trustProxy: string | number | boolean;
  logLevel: string;
  /** Where the admin UI's build is served from. */
  adminDistDir: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function readServerConfig(env: Env, errors: ConfigErrors, adminDistDir: string): ServerConfig {
  const port = readInteger(env, errors, 'PORT', 3000, 1, 65535);
  let publicUrl = new URL(`http://localhost:${port}`);
  if (env.PUBLIC_URL) {
    try {
      publicUrl = new URL(env.PUBLIC_URL);
      if (!['http:', 'https:'].includes(publicUrl.protocol)) throw new Error('protocol');
    } catch {
      errors.add('PUBLIC_URL', 'must be an http(s) URL such as https://support.example.com', env.PUBLIC_URL);
    }
  }
  const trustProxy = readTrustProxy(env, errors);
  // Keydesk listens on plain http: with an https address, TLS ends at a proxy, and without
  // trusting it Express never sees the request as secure and will not set the Secure cookie.
  if (publicUrl.protocol === 'https:' && trustProxy === false) {
    errors.add('TRUST_PROXY', 'must be set when PUBLIC_URL is https (e.g. TRUST_PROXY=1 for one proxy in front)');
  }
  const logLevel = env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info');
  if (!LOG_LEVELS.includes(logLevel)) errors.add('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`, logLevel);
  return {
    port,
    publicUrl,
    production: env.NODE_ENV === 'production',
    trustProxy,
    logLevel,
    adminDistDir,
  };
}

function readTrustProxy(env: Env, errors: ConfigErrors): string | number | boolean {
  const raw = env.TRUST_PROXY;
  if (raw === undefined || raw === '') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (['true', 'false'].includes(raw)) return readBoolean(env, errors, 'TRUST_PROXY', false);
  return raw;
}
