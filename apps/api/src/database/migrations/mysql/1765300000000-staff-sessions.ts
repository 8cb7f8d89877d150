import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Staff sessions as rows of their own columns (MySQL), read by the app's own code with the staff
 * member in one statement, instead of express-session's serialized data: when a session started,
 * was last seen, its CSRF token, where from, which factor signed it in and when the last step-up
 * was. Sessions of the old table are not carried over: staff sign in again once after the upgrade.
 */
export class StaffSessions1765300000000 implements MigrationInterface {
  name = 'StaffSessions1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE staff_sessions (
      id_hash char(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
      staff_id int NOT NULL,
      created_at bigint NOT NULL,
      last_seen_at bigint NOT NULL,
      expires_at bigint NOT NULL,
      csrf_token varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      ip varchar(45) NULL,
      user_agent varchar(512) NULL,
      signed_in_with varchar(16) NOT NULL,
      stepped_up_at bigint NULL,
      second_factor_pending tinyint(1) NOT NULL DEFAULT 0,
      failed_second_factors int NOT NULL DEFAULT 0,
      webauthn_challenge varchar(128) CHARACTER SET ascii COLLATE ascii_bin NULL,
      KEY idx_staff_sessions_staff (staff_id),
      KEY idx_staff_sessions_expires (expires_at),
      CONSTRAINT fk_staff_sessions_staff FOREIGN KEY (staff_id) REFERENCES staff(id) ON DELETE CASCADE) ${TABLE_OPTIONS}`);
    await db.query(`DROP TABLE sessions`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE sessions (
      id_hash char(64) NOT NULL PRIMARY KEY,
      staff_id int NULL,
      data text NOT NULL,
      expires_at bigint NOT NULL,
      KEY idx_sessions_staff (staff_id),
      KEY idx_sessions_expires (expires_at)) ${TABLE_OPTIONS}`);
    await db.query(`DROP TABLE staff_sessions`);
  }
}
