import { MigrationInterface, QueryRunner } from 'typeorm';

const AUDIT_COLUMNS = `
      seq bigint PRIMARY KEY,
      id char(36) NOT NULL UNIQUE,
      occurred_at datetime NOT NULL,
      actor_type varchar(16) NOT NULL,
      actor_id varchar(64) NULL,
      actor_name varchar(255) NOT NULL,
      action varchar(64) NOT NULL,
      subject_type varchar(16) NULL,
      subject_id varchar(64) NULL,
      subject_name varchar(255) NULL,
      ip varchar(45) NULL,
      user_agent varchar(512) NULL,
      details text NOT NULL,
      prev_hash char(64) NOT NULL,
      hash char(64) NOT NULL,
      client_id integer NULL`;

/** The activity log for supervisors (SQLite); see the MySQL twin. */
export class ActivityLog1764700000000 implements MigrationInterface {
  name = 'ActivityLog1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX idx_audit_time ON audit_log (occurred_at, seq)`);
    await db.query(`CREATE INDEX idx_audit_ip ON audit_log (ip, seq)`);
    // One agent's actions of some kinds, newest first (the supervisor's most common filter).
    await db.query(`CREATE INDEX idx_audit_actor_action ON audit_log (actor_type, actor_id, action, seq)`);
    await db.query(`CREATE TABLE activity_review_marks (
      entry_seq bigint NOT NULL,
      review_seq bigint NOT NULL,
      PRIMARY KEY (entry_seq, review_seq))`);
    await db.query(`CREATE TABLE activity_review_periods (
      review_seq bigint NOT NULL PRIMARY KEY,
      from_seq bigint NOT NULL,
      to_seq bigint NOT NULL)`);
    await db.query(`CREATE INDEX idx_review_periods_range ON activity_review_periods (from_seq, to_seq)`);
    await db.query(`CREATE TABLE audit_log_archive (${AUDIT_COLUMNS})`);
    await db.query(`CREATE TABLE audit_checkpoints (
      id integer PRIMARY KEY AUTOINCREMENT,
      last_seq bigint NOT NULL,
      last_hash char(64) NOT NULL,
      archived bigint NOT NULL,
      created_at bigint NOT NULL,
      signature char(64) NOT NULL)`);
    await db.query(`CREATE TABLE audit_verifications (
      id integer PRIMARY KEY AUTOINCREMENT,
      ok integer NOT NULL,
      checked bigint NOT NULL,
      first_broken_seq bigint NULL,
      first_broken_id char(36) NULL,
      checkpoint_seq bigint NULL,
      checkpoint_at bigint NULL,
      verified_at bigint NOT NULL)`);
    await db.query(`CREATE TABLE audit_archive_permits (up_to_seq bigint NOT NULL PRIMARY KEY)`);
    await db.query(`DROP TRIGGER audit_log_no_delete`);
    await db.query(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      WHEN NOT EXISTS (SELECT 1 FROM audit_archive_permits WHERE up_to_seq >= OLD.seq)
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER audit_log_no_delete`);
    await db.query(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`);
    for (const table of [
      'audit_archive_permits',
      'audit_verifications',
      'audit_checkpoints',
      'audit_log_archive',
      'activity_review_periods',
      'activity_review_marks',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP INDEX idx_audit_time`);
    await db.query(`DROP INDEX idx_audit_ip`);
    await db.query(`DROP INDEX idx_audit_actor_action`);
  }
}
