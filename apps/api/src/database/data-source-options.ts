import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import { DataSourceOptions } from 'typeorm';

import { fold } from '@keydesk/domain';

import { DatabaseConfig } from '../config/database.config';
import { ENTITIES } from './entities';
import { Foundation1763900000000 as MysqlFoundation } from './migrations/mysql/1763900000000-foundation';
import { Customers1764000000000 as MysqlCustomers } from './migrations/mysql/1764000000000-customers';
import { MailOutbox1764100000000 as MysqlMailOutbox } from './migrations/mysql/1764100000000-mail-outbox';
import { PasswordReset1764200000000 as MysqlPasswordReset } from './migrations/mysql/1764200000000-password-reset';
import { ClientArea1764300000000 as MysqlClientArea } from './migrations/mysql/1764300000000-client-area';
import { PasswordReveals1764400000000 as MysqlPasswordReveals } from './migrations/mysql/1764400000000-password-reveals';
import { SearchTermsCompanyName1764500000000 as MysqlSearchTermsCompanyName } from './migrations/mysql/1764500000000-search-terms-company-name';
import { RescueCodes1764600000000 as MysqlRescueCodes } from './migrations/mysql/1764600000000-rescue-codes';
import { ActivityLog1764700000000 as MysqlActivityLog } from './migrations/mysql/1764700000000-activity-log';
import { SearchTermsByName1764800000000 as MysqlSearchTermsByName } from './migrations/mysql/1764800000000-search-terms-by-name';
import { ReviewedRanges1764900000000 as MysqlReviewedRanges } from './migrations/mysql/1764900000000-reviewed-ranges';
import { ActionGroups1765000000000 as MysqlActionGroups } from './migrations/mysql/1765000000000-action-groups';
import { ReviewedRangesVersion1765100000000 as MysqlReviewedRangesVersion } from './migrations/mysql/1765100000000-reviewed-ranges-version';
import { Credentials1765200000000 as MysqlCredentials } from './migrations/mysql/1765200000000-credentials';
import { StaffSessions1765300000000 as MysqlStaffSessions } from './migrations/mysql/1765300000000-staff-sessions';
import { TwoFactor1765400000000 as MysqlTwoFactor } from './migrations/mysql/1765400000000-two-factor';
import { Assurance1765500000000 as MysqlAssurance } from './migrations/mysql/1765500000000-assurance';
import { CustomerTwoFactor1765600000000 as MysqlCustomerTwoFactor } from './migrations/mysql/1765600000000-customer-two-factor';
import { ApiTokens1765700000000 as MysqlApiTokens } from './migrations/mysql/1765700000000-api-tokens';
import { Webhooks1765800000000 as MysqlWebhooks } from './migrations/mysql/1765800000000-webhooks';
import { Foundation1763900000000 as SqliteFoundation } from './migrations/sqlite/1763900000000-foundation';
import { Customers1764000000000 as SqliteCustomers } from './migrations/sqlite/1764000000000-customers';
import { MailOutbox1764100000000 as SqliteMailOutbox } from './migrations/sqlite/1764100000000-mail-outbox';
import { PasswordReset1764200000000 as SqlitePasswordReset } from './migrations/sqlite/1764200000000-password-reset';
import { ClientArea1764300000000 as SqliteClientArea } from './migrations/sqlite/1764300000000-client-area';
import { PasswordReveals1764400000000 as SqlitePasswordReveals } from './migrations/sqlite/1764400000000-password-reveals';
import { SearchTermsCompanyName1764500000000 as SqliteSearchTermsCompanyName } from './migrations/sqlite/1764500000000-search-terms-company-name';
import { RescueCodes1764600000000 as SqliteRescueCodes } from './migrations/sqlite/1764600000000-rescue-codes';
import { ActivityLog1764700000000 as SqliteActivityLog } from './migrations/sqlite/1764700000000-activity-log';
import { SearchTermsByName1764800000000 as SqliteSearchTermsByName } from './migrations/sqlite/1764800000000-search-terms-by-name';
import { ReviewedRanges1764900000000 as SqliteReviewedRanges } from './migrations/sqlite/1764900000000-reviewed-ranges';
import { ActionGroups1765000000000 as SqliteActionGroups } from './migrations/sqlite/1765000000000-action-groups';
import { ReviewedRangesVersion1765100000000 as SqliteReviewedRangesVersion } from './migrations/sqlite/1765100000000-reviewed-ranges-version';
import { Credentials1765200000000 as SqliteCredentials } from './migrations/sqlite/1765200000000-credentials';
import { StaffSessions1765300000000 as SqliteStaffSessions } from './migrations/sqlite/1765300000000-staff-sessions';
import { TwoFactor1765400000000 as SqliteTwoFactor } from './migrations/sqlite/1765400000000-two-factor';
import { Assurance1765500000000 as SqliteAssurance } from './migrations/sqlite/1765500000000-assurance';
import { CustomerTwoFactor1765600000000 as SqliteCustomerTwoFactor } from './migrations/sqlite/1765600000000-customer-two-factor';
import { ApiTokens1765700000000 as SqliteApiTokens } from './migrations/sqlite/1765700000000-api-tokens';
import { Webhooks1765800000000 as SqliteWebhooks } from './migrations/sqlite/1765800000000-webhooks';

/** What prepareDatabase gets: a better-sqlite3 connection. */
interface SqliteConnection {
  pragma(sql: string): unknown;
  function(name: string, options: { deterministic: boolean }, implementation: (value: unknown) => unknown): unknown;
}

/** Migrations are SQL per dialect; each list is in order and only ever appended to. */
const SQLITE_MIGRATIONS = [
  SqliteFoundation,
  SqliteCustomers,
  SqliteMailOutbox,
  SqlitePasswordReset,
  SqliteClientArea,
  SqlitePasswordReveals,
  SqliteSearchTermsCompanyName,
  SqliteRescueCodes,
  SqliteActivityLog,
  SqliteSearchTermsByName,
  SqliteReviewedRanges,
  SqliteActionGroups,
  SqliteReviewedRangesVersion,
  SqliteCredentials,
  SqliteStaffSessions,
  SqliteTwoFactor,
  SqliteAssurance,
  SqliteCustomerTwoFactor,
  SqliteApiTokens,
  SqliteWebhooks,
];
const MYSQL_MIGRATIONS = [
  MysqlFoundation,
  MysqlCustomers,
  MysqlMailOutbox,
  MysqlPasswordReset,
  MysqlClientArea,
  MysqlPasswordReveals,
  MysqlSearchTermsCompanyName,
  MysqlRescueCodes,
  MysqlActivityLog,
  MysqlSearchTermsByName,
  MysqlReviewedRanges,
  MysqlActionGroups,
  MysqlReviewedRangesVersion,
  MysqlCredentials,
  MysqlStaffSessions,
  MysqlTwoFactor,
  MysqlAssurance,
  MysqlCustomerTwoFactor,
  MysqlApiTokens,
  MysqlWebhooks,
];

export function dataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  const common = { entities: ENTITIES, synchronize: false, migrationsRun: false, logging: false } as const;
  if (config.kind === 'mysql') {
    return {
      ...common,
      type: 'mysql',
      url: config.url,
      migrations: MYSQL_MIGRATIONS,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      supportBigNumbers: true,
      bigNumberStrings: false,
      poolSize: 10,
      // mysql2 otherwise captures a stack trace on every query for its own errors; TypeORM wraps
      // them in QueryFailedError with the query anyway, and the capture costs every request CPU.
      extra: { trace: false },
    };
  }
  if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.path,
    migrations: SQLITE_MIGRATIONS,
    enableWAL: true,
    prepareDatabase: (db: SqliteConnection) => {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      // SQLite's LOWER folds ASCII only; searches compare LOWER(column) with a folded pattern
      // (containsPattern), so "oscar" finds "Óscar" here as MariaDB's collation finds it.
      db.function('lower', { deterministic: true }, (value: unknown) =>
        typeof value === 'string' ? fold(value) : value,
      );
    },
  };
}
