import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Customers' second factors (MySQL), as staff have them: the authenticator app's sealed secret
 * with the last step it took, passkeys, recovery codes as hashes. A client-area session may wait
 * for the second factor (or an enrolment the client requires); a client may require one. A
 * passkey sign-in without a password keeps its challenge here until answered (once).
 */
export class CustomerTwoFactor1765600000000 implements MigrationInterface {
  name = 'CustomerTwoFactor1765600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE user_totp (
      user_id int NOT NULL PRIMARY KEY,
      secret_sealed varchar(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      confirmed_at bigint NULL,
      last_step bigint NULL,
      last_used_at bigint NULL,
      created_at bigint NOT NULL,
      CONSTRAINT fk_user_totp_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE user_recovery_codes (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      user_id int NOT NULL,
      code_hash char(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      used_at bigint NULL,
      created_at bigint NOT NULL,
      UNIQUE KEY uq_user_recovery_codes (user_id, code_hash),
      CONSTRAINT fk_user_recovery_codes_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE user_passkeys (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      user_id int NOT NULL,
      credential_id varchar(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      public_key text CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      counter bigint NOT NULL,
      transports varchar(255) NOT NULL,
      name varchar(64) NOT NULL,
      created_at bigint NOT NULL,
      last_used_at bigint NULL,
      UNIQUE KEY uq_user_passkeys_credential (credential_id),
      KEY idx_user_passkeys_user (user_id),
      CONSTRAINT fk_user_passkeys_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE) ${TABLE_OPTIONS}`);
    await db.query(`ALTER TABLE user_sessions
      ADD COLUMN second_factor_pending tinyint(1) NOT NULL DEFAULT 0,
      ADD COLUMN enrolment_required tinyint(1) NOT NULL DEFAULT 0,
      ADD COLUMN failed_second_factors int NOT NULL DEFAULT 0,
      ADD COLUMN webauthn_challenge varchar(128) CHARACTER SET ascii COLLATE ascii_bin NULL`);
    await db.query(`CREATE TABLE passkey_challenges (
      challenge varchar(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
      expires_at bigint NOT NULL,
      KEY idx_passkey_challenges_expires (expires_at)) ${TABLE_OPTIONS}`);
    await db.query(`ALTER TABLE clients ADD COLUMN require_two_factor tinyint(1) NOT NULL DEFAULT 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE clients DROP COLUMN require_two_factor`);
    await db.query(`ALTER TABLE user_sessions DROP COLUMN second_factor_pending, DROP COLUMN enrolment_required,
      DROP COLUMN failed_second_factors, DROP COLUMN webauthn_challenge`);
    await db.query(`DROP TABLE passkey_challenges`);
    await db.query(`DROP TABLE user_passkeys`);
    await db.query(`DROP TABLE user_recovery_codes`);
    await db.query(`DROP TABLE user_totp`);
  }
}
