import { createHash } from 'node:crypto';

import { TestApp } from './test-app';

/**
 * The tables whose rows are Keydesk's data (migrations in apps/api/src/database/migrations/).
 * Bookkeeping a refused request may rightly write is left out: sessions, user_sessions,
 * rate_limits, sign_in_throttle, staff_known_ips, user_sign_ins, the audit_* tables and the
 * activity review tables.
 */
export const DOMAIN_TABLES = [
  'clients',
  'client_search_terms',
  'contacts',
  'users',
  'client_users',
  'tickets',
  'ticket_messages',
  'notes',
  'staff',
  'staff_roles',
  'roles',
  'role_permissions',
  'password_reset_tokens',
  'password_reveals',
  'rescue_codes',
  'mail_outbox',
  'dev_mailbox',
] as const;

/** One checksum per domain table, so a change can be named by table. */
export type Fingerprint = Record<string, string>;

interface BetterSqlite {
  prepare(sql: string): { raw(): { all(): unknown[][] } };
}

/**
 * A cheap fingerprint of the domain tables: MariaDB's CHECKSUM TABLE, all tables in one
 * statement; on SQLite a hash of every row, read synchronously from the app's own better-sqlite3
 * connection (no other request can interleave; the tables stay small).
 */
export function domainFingerprint(t: TestApp): () => Promise<Fingerprint> {
  if (t.database.kind === 'mariadb') {
    return async () => {
      const rows: Array<{ Table: string; Checksum: string | number | null }> = await t.dataSource.query(
        `CHECKSUM TABLE ${DOMAIN_TABLES.join(', ')}`,
      );
      return Object.fromEntries(rows.map((row) => [row.Table.replace(/^.*\./, ''), String(row.Checksum)]));
    };
  }
  const connection = (t.dataSource.driver as unknown as { databaseConnection: BetterSqlite }).databaseConnection;
  const statements = DOMAIN_TABLES.map(
    (table) => [table, connection.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw()] as const,
  );
  return async () => Object.fromEntries(statements.map(([table, statement]) => [table, hashRows(statement.all())]));
}

function hashRows(rows: unknown[][]): string {
  const text = JSON.stringify(rows, (_, value) => (typeof value === 'bigint' ? value.toString() : value));
  return createHash('sha1').update(text).digest('base64');
}

/** The tables whose checksum differs. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys(after).filter((table) => before[table] !== after[table]);
}
