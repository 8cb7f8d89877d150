import { MigrationInterface, QueryRunner } from 'typeorm';

/** Caller verifications, approvals, settings and the lifted new-address wait (SQLite); see the MySQL twin. */
export class Assurance1765500000000 implements MigrationInterface {
  name = 'Assurance1765500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE caller_verifications (
      id integer PRIMARY KEY AUTOINCREMENT,
      user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      staff_id integer NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      ticket_id integer NULL,
      method varchar(16) NOT NULL,
      address varchar(254) NULL,
      code_hash varchar(64) NULL,
      tries integer NOT NULL,
      expires_at bigint NOT NULL,
      confirmed_at bigint NULL,
      verified_until bigint NULL,
      created_at bigint NOT NULL)`);
    await db.query(`CREATE INDEX idx_caller_verifications_staff_user ON caller_verifications (staff_id, user_id, id)`);
    await db.query(`CREATE INDEX idx_caller_verifications_user ON caller_verifications (user_id)`);
    await db.query(`CREATE TABLE approvals (
      id integer PRIMARY KEY AUTOINCREMENT,
      action varchar(48) NOT NULL,
      user_id integer NULL REFERENCES users(id) ON DELETE CASCADE,
      staff_id integer NULL REFERENCES staff(id) ON DELETE CASCADE,
      subject_name varchar(255) NOT NULL,
      reason varchar(500) NOT NULL,
      ticket_id integer NULL,
      state varchar(16) NOT NULL,
      requested_by integer NOT NULL REFERENCES staff(id),
      requested_by_name varchar(255) NOT NULL,
      requested_at bigint NOT NULL,
      decided_by integer NULL,
      decided_by_name varchar(255) NULL,
      decided_at bigint NULL,
      comment varchar(500) NULL,
      expires_at bigint NOT NULL,
      used_at bigint NULL)`);
    await db.query(`CREATE INDEX idx_approvals_state ON approvals (state, id)`);
    await db.query(`CREATE INDEX idx_approvals_requester ON approvals (requested_by, id)`);
    await db.query(`CREATE INDEX idx_approvals_user ON approvals (user_id, id)`);
    await db.query(`CREATE TABLE settings (
      name varchar(64) PRIMARY KEY,
      value text NOT NULL,
      updated_at bigint NOT NULL,
      updated_by integer NULL)`);
    await db.query(`ALTER TABLE users ADD COLUMN email_hold_lifted_at datetime NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN email_hold_lifted_at`);
    await db.query(`DROP TABLE settings`);
    await db.query(`DROP TABLE approvals`);
    await db.query(`DROP TABLE caller_verifications`);
  }
}
