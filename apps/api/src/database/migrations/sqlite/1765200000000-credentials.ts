import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the credentials module keeps (SQLite); see the MySQL twin. */
export class Credentials1765200000000 implements MigrationInterface {
  name = 'Credentials1765200000000';

  async up(db: QueryRunner): Promise<void> {
    for (const column of [
      'email_changed_at datetime NULL',
      'email_changed_by varchar(16) NULL',
      'locked_at datetime NULL',
      'lock_reason varchar(32) NULL',
    ]) {
      await db.query(`ALTER TABLE users ADD COLUMN ${column}`);
    }
    await db.query(`ALTER TABLE staff ADD COLUMN language varchar(2) NULL`);
    await db.query(`CREATE TABLE credential_reports (
      id integer PRIMARY KEY AUTOINCREMENT,
      user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      client_id integer NULL REFERENCES clients(id) ON DELETE SET NULL,
      token_hash varchar(64) NOT NULL,
      change_kind varchar(16) NOT NULL,
      change_way varchar(16) NOT NULL,
      changed_by varchar(255) NULL,
      change_entry_id varchar(36) NOT NULL,
      changed_at datetime NOT NULL,
      expires_at bigint NOT NULL,
      used_at datetime NULL)`);
    await db.query(`CREATE UNIQUE INDEX uq_credential_reports_hash ON credential_reports (token_hash)`);
    await db.query(`CREATE INDEX idx_credential_reports_user ON credential_reports (user_id, id)`);
    await db.query(`CREATE INDEX idx_credential_reports_expiry ON credential_reports (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE credential_reports`);
    await db.query(`ALTER TABLE staff DROP COLUMN language`);
    for (const column of ['email_changed_at', 'email_changed_by', 'locked_at', 'lock_reason'])
      await db.query(`ALTER TABLE users DROP COLUMN ${column}`);
  }
}
