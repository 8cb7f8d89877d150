import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff sessions as rows of their own columns (SQLite); see the MySQL twin. */
export class StaffSessions1765300000000 implements MigrationInterface {
  name = 'StaffSessions1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE staff_sessions (
      id_hash char(64) PRIMARY KEY,
      staff_id integer NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      created_at bigint NOT NULL,
      last_seen_at bigint NOT NULL,
      expires_at bigint NOT NULL,
      csrf_token varchar(64) NOT NULL,
      ip varchar(45) NULL,
      user_agent varchar(512) NULL,
      signed_in_with varchar(16) NOT NULL,
      stepped_up_at bigint NULL,
      second_factor_pending boolean NOT NULL DEFAULT 0,
      failed_second_factors integer NOT NULL DEFAULT 0,
      webauthn_challenge varchar(128) NULL)`);
    await db.query(`CREATE INDEX idx_staff_sessions_staff ON staff_sessions (staff_id)`);
    await db.query(`CREATE INDEX idx_staff_sessions_expires ON staff_sessions (expires_at)`);
    await db.query(`DROP TABLE sessions`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE sessions (
      id_hash char(64) PRIMARY KEY,
      staff_id integer NULL,
      data text NOT NULL,
      expires_at bigint NOT NULL)`);
    await db.query(`CREATE INDEX idx_sessions_staff ON sessions (staff_id)`);
    await db.query(`CREATE INDEX idx_sessions_expires ON sessions (expires_at)`);
    await db.query(`DROP TABLE staff_sessions`);
  }
}
