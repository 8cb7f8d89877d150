import { isAbsolute, join } from 'node:path';

import { ConfigErrors, Env } from './config-errors';

export type DatabaseConfig =
  { kind: 'sqlite'; path: string; embeddedDefault: boolean } | { kind: 'mysql'; url: string };

/**
 * DATABASE_URL unset: the embedded SQLite file under the data folder (a newcomer's first start);
 * `sqlite:<path>` another file; `mysql://` or `mariadb://` the production database.
 */
export function readDatabaseConfig(env: Env, errors: ConfigErrors, dataDir: string): DatabaseConfig {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return { kind: 'sqlite', path: join(dataDir, 'keydesk.sqlite'), embeddedDefault: true };
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) errors.add('DATABASE_URL', 'needs a file after "sqlite:", e.g. sqlite:data/other.sqlite', raw);
    const path = file === ':memory:' || isAbsolute(file) ? file : join(process.cwd(), file);
    return { kind: 'sqlite', path, embeddedDefault: false };
  }
  if (/^(mysql|mariadb):\/\//.test(raw)) {
    try {
      const url = new URL(raw.replace(/^mariadb:/, 'mysql:'));
      if (!url.pathname || url.pathname === '/') {
        errors.add(
          'DATABASE_URL',
          'must name the database, e.g. mysql://root@127.0.0.1:3306/keydesk',
          redactPassword(raw),
        );
      }
      return { kind: 'mysql', url: url.toString() };
    } catch {
      errors.add('DATABASE_URL', 'is not a valid URL', redactPassword(raw));
    }
  } else {
    errors.add('DATABASE_URL', 'must start with sqlite:, mysql:// or mariadb://', redactPassword(raw));
  }
  return { kind: 'sqlite', path: join(dataDir, 'keydesk.sqlite'), embeddedDefault: false };
}

export function redactPassword(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
