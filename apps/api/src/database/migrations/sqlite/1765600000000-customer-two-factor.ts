import { MigrationInterface, QueryRunner } from 'typeorm';

/** Customers' second factors (SQLite); see the MySQL twin. */
export class CustomerTwoFactor1765600000000 implements MigrationInterface {
  name = 'CustomerTwoFactor1765600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE user_totp (
      user_id integer PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      secret_sealed varchar(512) NOT NULL,
      confirmed_at bigint NULL,
      last_step bigint NULL,
      last_used_at bigint NULL,
      created_at bigint NOT NULL)`);
    await db.query(`CREATE TABLE user_recovery_codes (
      id integer PRIMARY KEY AUTOINCREMENT,
      user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      code_hash varchar(64) NOT NULL,
      used_at bigint NULL,
      created_at bigint NOT NULL)`);
    await db.query(`CREATE UNIQUE INDEX uq_user_recovery_codes ON user_recovery_codes (user_id, code_hash)`);
    await db.query(`CREATE TABLE user_passkeys (
      id integer PRIMARY KEY AUTOINCREMENT,
      user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      credential_id varchar(512) NOT NULL,
      public_key text NOT NULL,
      counter bigint NOT NULL,
      transports varchar(255) NOT NULL,
      name varchar(64) NOT NULL,
      created_at bigint NOT NULL,
      last_used_at bigint NULL)`);
    await db.query(`CREATE UNIQUE INDEX uq_user_passkeys_credential ON user_passkeys (credential_id)`);
    await db.query(`CREATE INDEX idx_user_passkeys_user ON user_passkeys (user_id)`);
    for (const column of [
      'second_factor_pending boolean NOT NULL DEFAULT 0',
      'enrolment_required boolean NOT NULL DEFAULT 0',
      'failed_second_factors integer NOT NULL DEFAULT 0',
      'webauthn_challenge varchar(128) NULL',
    ])
      await db.query(`ALTER TABLE user_sessions ADD COLUMN ${column}`);
    await db.query(`CREATE TABLE passkey_challenges (
      challenge varchar(128) PRIMARY KEY,
      expires_at bigint NOT NULL)`);
    await db.query(`CREATE INDEX idx_passkey_challenges_expires ON passkey_challenges (expires_at)`);
    await db.query(`ALTER TABLE clients ADD COLUMN require_two_factor boolean NOT NULL DEFAULT 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE clients DROP COLUMN require_two_factor`);
    for (const column of ['webauthn_challenge', 'failed_second_factors', 'enrolment_required', 'second_factor_pending'])
      await db.query(`ALTER TABLE user_sessions DROP COLUMN ${column}`);
    await db.query(`DROP TABLE passkey_challenges`);
    await db.query(`DROP TABLE user_passkeys`);
    await db.query(`DROP TABLE user_recovery_codes`);
    await db.query(`DROP TABLE user_totp`);
  }
}
