import { DataSource } from 'typeorm';

/**
 * Applies pending migrations. On MySQL/MariaDB a named lock keeps several api processes that
 * start together from running the same migration twice.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const mysql = dataSource.options.type === 'mysql';
  const runner = dataSource.createQueryRunner();
  try {
    if (mysql) await runner.query(`SELECT GET_LOCK('keydesk_migrations', 120)`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    if (mysql) await runner.query(`SELECT RELEASE_LOCK('keydesk_migrations')`);
    await runner.release();
  }
}
