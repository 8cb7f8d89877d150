import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Staff, roles, sessions, sign-in throttling and the audit trail (MySQL / MariaDB dialect). */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE roles (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name varchar(64) NOT NULL,
      description varchar(255) NOT NULL DEFAULT '',
      built_in tinyint NOT NULL DEFAULT 0,
      created_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
      updated_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
      UNIQUE KEY uq_roles_name (name)) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE role_permissions (
      role_id int NOT NULL,
      permission varchar(64) NOT NULL,
      PRIMARY KEY (role_id, permission),
      CONSTRAINT fk_role_permissions_role FOREIGN KEY (role_id) REFERENCES roles(id) ON DELETE CASCADE) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE staff (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      username varchar(64) NOT NULL,
      email varchar(254) NOT NULL,
      display_name varchar(128) NOT NULL,
      password_hash varchar(255) NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'active',
      last_login_at datetime(6) NULL,
      last_login_ip varchar(45) NULL,
      password_changed_at datetime(6) NULL,
      created_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
      updated_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
      UNIQUE KEY uq_staff_username (username),
      UNIQUE KEY uq_staff_email (email)) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE staff_roles (
      staff_id int NOT NULL,
      role_id int NOT NULL,
      PRIMARY KEY (staff_id, role_id),
      KEY idx_staff_roles_role (role_id),
      CONSTRAINT fk_staff_roles_staff FOREIGN KEY (staff_id) REFERENCES staff(id) ON DELETE CASCADE,
      CONSTRAINT fk_staff_roles_role FOREIGN KEY (role_id) REFERENCES roles(id) ON DELETE RESTRICT) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE staff_known_ips (
      staff_id int NOT NULL,
      ip varchar(45) NOT NULL,
      last_seen_at bigint NOT NULL,
      PRIMARY KEY (staff_id, ip),
      CONSTRAINT fk_staff_known_ips_staff FOREIGN KEY (staff_id) REFERENCES staff(id) ON DELETE CASCADE) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE sessions (
      id_hash char(64) NOT NULL PRIMARY KEY,
      staff_id int NULL,
      data text NOT NULL,
      expires_at bigint NOT NULL,
      KEY idx_sessions_staff (staff_id),
      KEY idx_sessions_expires (expires_at)) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE sign_in_throttle (
      throttle_key char(64) NOT NULL PRIMARY KEY,
      failures int NOT NULL,
      window_started_at bigint NOT NULL,
      blocked_until bigint NULL,
      block_count int NOT NULL DEFAULT 0,
      updated_at bigint NOT NULL) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE audit_log (
      seq bigint NOT NULL PRIMARY KEY,
      id char(36) NOT NULL,
      occurred_at datetime(3) NOT NULL,
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
      UNIQUE KEY uq_audit_id (id),
      KEY idx_audit_action (action, seq),
      KEY idx_audit_actor (actor_type, actor_id, seq),
      KEY idx_audit_subject (subject_type, subject_id, seq)) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE audit_chain_head (
      id int NOT NULL PRIMARY KEY,
      last_seq bigint NOT NULL,
      last_hash char(64) NOT NULL) ${TABLE_OPTIONS}`);
    await db.query(`INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, '${'0'.repeat(64)}')`);
    // Append-only: the trail refuses edits and deletions from any client, not just from the api.
    await db.query(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'`);
    await db.query(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'`);
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
