import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * What the credentials module keeps (MySQL): when and by whom a user's email last changed (a new
 * address set by staff waits before a password goes to it), a user's lock after "This wasn't me",
 * the single-use links of the notices ("This wasn't me", only their SHA-256), and each staff
 * member's language for their notices.
 */
export class Credentials1765200000000 implements MigrationInterface {
  name = 'Credentials1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users
      ADD COLUMN email_changed_at datetime(6) NULL,
      ADD COLUMN email_changed_by varchar(16) NULL,
      ADD COLUMN locked_at datetime(6) NULL,
      ADD COLUMN lock_reason varchar(32) NULL`);
    await db.query(`ALTER TABLE staff ADD COLUMN language varchar(2) NULL`);
    await db.query(`CREATE TABLE credential_reports (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      user_id int NOT NULL,
      client_id int NULL,
      token_hash varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      change_kind varchar(16) NOT NULL,
      change_way varchar(16) NOT NULL,
      changed_by varchar(255) NULL,
      change_entry_id varchar(36) NOT NULL,
      changed_at datetime(6) NOT NULL,
      expires_at bigint NOT NULL,
      used_at datetime(6) NULL,
      UNIQUE KEY uq_credential_reports_hash (token_hash),
      KEY idx_credential_reports_user (user_id, id),
      KEY idx_credential_reports_expiry (expires_at),
      CONSTRAINT fk_credential_reports_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,
      CONSTRAINT fk_credential_reports_client FOREIGN KEY (client_id) REFERENCES clients(id) ON DELETE SET NULL) ${TABLE_OPTIONS}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE credential_reports`);
    await db.query(`ALTER TABLE staff DROP COLUMN language`);
    await db.query(
      `ALTER TABLE users DROP COLUMN email_changed_at, DROP COLUMN email_changed_by, DROP COLUMN locked_at, DROP COLUMN lock_reason`,
    );
  }
}
