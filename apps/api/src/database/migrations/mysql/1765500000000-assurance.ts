import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Knowing who is asking (MySQL): caller verifications (a code mailed to an address on file, kept
 * only as an HMAC, with its tries; confirmed, it counts for that agent and that user for a while),
 * approvals (one action on one user or staff member, asked by one agent and decided by another,
 * used once), settings (the assurance policy), and the time staff lifted a new-address wait.
 */
export class Assurance1765500000000 implements MigrationInterface {
  name = 'Assurance1765500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE caller_verifications (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      user_id int NOT NULL,
      staff_id int NOT NULL,
      ticket_id int NULL,
      method varchar(16) NOT NULL,
      address varchar(254) NULL,
      code_hash char(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
      tries int NOT NULL,
      expires_at bigint NOT NULL,
      confirmed_at bigint NULL,
      verified_until bigint NULL,
      created_at bigint NOT NULL,
      KEY idx_caller_verifications_staff_user (staff_id, user_id, id),
      KEY idx_caller_verifications_user (user_id),
      CONSTRAINT fk_caller_verifications_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,
      CONSTRAINT fk_caller_verifications_staff FOREIGN KEY (staff_id) REFERENCES staff(id) ON DELETE CASCADE) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE approvals (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      action varchar(48) NOT NULL,
      user_id int NULL,
      staff_id int NULL,
      subject_name varchar(255) NOT NULL,
      reason varchar(500) NOT NULL,
      ticket_id int NULL,
      state varchar(16) NOT NULL,
      requested_by int NOT NULL,
      requested_by_name varchar(255) NOT NULL,
      requested_at bigint NOT NULL,
      decided_by int NULL,
      decided_by_name varchar(255) NULL,
      decided_at bigint NULL,
      comment varchar(500) NULL,
      expires_at bigint NOT NULL,
      used_at bigint NULL,
      KEY idx_approvals_state (state, id),
      KEY idx_approvals_requester (requested_by, id),
      KEY idx_approvals_user (user_id, id),
      CONSTRAINT fk_approvals_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,
      CONSTRAINT fk_approvals_staff FOREIGN KEY (staff_id) REFERENCES staff(id) ON DELETE CASCADE,
      CONSTRAINT fk_approvals_requester FOREIGN KEY (requested_by) REFERENCES staff(id)) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE settings (
      name varchar(64) NOT NULL PRIMARY KEY,
      value text NOT NULL,
      updated_at bigint NOT NULL,
      updated_by int NULL) ${TABLE_OPTIONS}`);
    await db.query(`ALTER TABLE users ADD COLUMN email_hold_lifted_at datetime(6) NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN email_hold_lifted_at`);
    await db.query(`DROP TABLE settings`);
    await db.query(`DROP TABLE approvals`);
    await db.query(`DROP TABLE caller_verifications`);
  }
}
