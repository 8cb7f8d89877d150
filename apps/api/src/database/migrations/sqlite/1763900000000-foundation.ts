import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff, roles, sessions, sign-in throttling and the audit trail (SQLite dialect). */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE roles (
      id integer PRIMARY KEY AUTOINCREMENT,
      name varchar(64) NOT NULL UNIQUE COLLATE NOCASE,
      description varchar(255) NOT NULL DEFAULT '',
      built_in boolean NOT NULL DEFAULT 0,
      created_at datetime NOT NULL DEFAULT (datetime('now')),
      updated_at datetime NOT NULL DEFAULT (datetime('now')))`);
    await db.query(`CREATE TABLE role_permissions (
      role_id integer NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
      permission varchar(64) NOT NULL,
      PRIMARY KEY (role_id, permission))`);
    await db.query(`CREATE TABLE staff (
      id integer PRIMARY KEY AUTOINCREMENT,
      username varchar(64) NOT NULL UNIQUE COLLATE NOCASE,
      email varchar(254) NOT NULL UNIQUE COLLATE NOCASE,
      display_name varchar(128) NOT NULL,
      password_hash varchar(255) NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'active',
      last_login_at datetime NULL,
      last_login_ip varchar(45) NULL,
      password_changed_at datetime NULL,
      created_at datetime NOT NULL DEFAULT (datetime('now')),
      updated_at datetime NOT NULL DEFAULT (datetime('now')))`);
    await db.query(`CREATE TABLE staff_roles (
      staff_id integer NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      role_id integer NOT NULL REFERENCES roles(id) ON DELETE RESTRICT,
      PRIMARY KEY (staff_id, role_id))`);
    await db.query(`CREATE INDEX idx_staff_roles_role ON staff_roles (role_id)`);
    await db.query(`CREATE TABLE staff_known_ips (
      staff_id integer NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      ip varchar(45) NOT NULL,
      last_seen_at bigint NOT NULL,
      PRIMARY KEY (staff_id, ip))`);
    await db.query(`CREATE TABLE sessions (
      id_hash char(64) PRIMARY KEY,
      staff_id integer NULL,
      data text NOT NULL,
      expires_at bigint NOT NULL)`);
    await db.query(`CREATE INDEX idx_sessions_staff ON sessions (staff_id)`);
    await db.query(`CREATE INDEX idx_sessions_expires ON sessions (expires_at)`);
    await db.query(`CREATE TABLE sign_in_throttle (
      throttle_key char(64) PRIMARY KEY,
      failures integer NOT NULL,
      window_started_at bigint NOT NULL,
      blocked_until bigint NULL,
      block_count integer NOT NULL DEFAULT 0,
      updated_at bigint NOT NULL)`);
    await db.query(`CREATE TABLE audit_log (
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
      hash char(64) NOT NULL)`);
    await db.query(`CREATE INDEX idx_audit_action ON audit_log (action, seq)`);
    await db.query(`CREATE INDEX idx_audit_actor ON audit_log (actor_type, actor_id, seq)`);
    await db.query(`CREATE INDEX idx_audit_subject ON audit_log (subject_type, subject_id, seq)`);
    await db.query(`CREATE TABLE audit_chain_head (
      id integer PRIMARY KEY CHECK (id = 1),
      last_seq bigint NOT NULL,
      last_hash char(64) NOT NULL)`);
    await db.query(`INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, '${'0'.repeat(64)}')`);
    // Append-only: the trail refuses edits and deletions from any client, not just from the api.
    await db.query(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`);
    await db.query(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'audit_chain_head',
      'audit_log',
      'sign_in_throttle',
      'sessions',
      'staff_known_ips',
      'staff_roles',
      'staff',
      'role_permissions',
      'roles',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
