import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * The activity log for supervisors (MySQL): indexes for its filters, reviews, and retention.
 * Retention moves old rows to audit_log_archive behind a signed checkpoint; the delete trigger
 * now lets a row go only while a permit covering it exists in the deleting transaction (its own
 * uncommitted row, which no other session sees).
 */
export class ActivityLog1764700000000 implements MigrationInterface {
  name = 'ActivityLog1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_log ADD KEY idx_audit_time (occurred_at, seq), ADD KEY idx_audit_ip (ip, seq),
      ADD KEY idx_audit_actor_action (actor_type, actor_id, action, seq)`);
    await db.query(`CREATE TABLE activity_review_marks (
      entry_seq bigint NOT NULL,
      review_seq bigint NOT NULL,
      PRIMARY KEY (entry_seq, review_seq)) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE activity_review_periods (
      review_seq bigint NOT NULL PRIMARY KEY,
      from_seq bigint NOT NULL,
      to_seq bigint NOT NULL,
      KEY idx_review_periods_range (from_seq, to_seq)) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE audit_log_archive LIKE audit_log`);
    await db.query(`CREATE TABLE audit_checkpoints (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      last_seq bigint NOT NULL,
      last_hash char(64) NOT NULL,
      archived bigint NOT NULL,
      created_at bigint NOT NULL,
      signature char(64) NOT NULL) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE audit_verifications (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      ok tinyint NOT NULL,
      checked bigint NOT NULL,
      first_broken_seq bigint NULL,
      first_broken_id char(36) NULL,
      checkpoint_seq bigint NULL,
      checkpoint_at bigint NULL,
      verified_at bigint NOT NULL) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE audit_archive_permits (
      up_to_seq bigint NOT NULL PRIMARY KEY) ${TABLE_OPTIONS}`);
    await db.query(`DROP TRIGGER audit_log_no_delete`);
    await db.query(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM audit_archive_permits WHERE up_to_seq >= OLD.seq) THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';
        END IF;
      END`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER audit_log_no_delete`);
    await db.query(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'`);
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
    await db.query(
      `ALTER TABLE audit_log DROP KEY idx_audit_time, DROP KEY idx_audit_ip, DROP KEY idx_audit_actor_action`,
    );
  }
}
