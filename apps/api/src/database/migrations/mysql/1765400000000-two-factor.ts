import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Staff second factors (MySQL): the authenticator app's secret, sealed under a key from the
 * configuration, with the last time step it accepted (a code is good once); passkeys (a public
 * key and its signature counter); and recovery codes, kept only as hashes, each used once.
 */
export class TwoFactor1765400000000 implements MigrationInterface {
  name = 'TwoFactor1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE staff_totp (
      staff_id int NOT NULL PRIMARY KEY,
      secret_sealed varchar(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      confirmed_at bigint NULL,
      last_step bigint NULL,
      created_at bigint NOT NULL,
      CONSTRAINT fk_staff_totp_staff FOREIGN KEY (staff_id) REFERENCES staff(id) ON DELETE CASCADE) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE staff_recovery_codes (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      staff_id int NOT NULL,
      code_hash char(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      used_at bigint NULL,
      created_at bigint NOT NULL,
      UNIQUE KEY uq_staff_recovery_codes (staff_id, code_hash),
      CONSTRAINT fk_staff_recovery_codes_staff FOREIGN KEY (staff_id) REFERENCES staff(id) ON DELETE CASCADE) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE staff_passkeys (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      staff_id int NOT NULL,
      credential_id varchar(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      public_key text CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      counter bigint NOT NULL,
      transports varchar(255) NOT NULL,
      name varchar(64) NOT NULL,
      created_at bigint NOT NULL,
      last_used_at bigint NULL,
      UNIQUE KEY uq_staff_passkeys_credential (credential_id),
      KEY idx_staff_passkeys_staff (staff_id),
      CONSTRAINT fk_staff_passkeys_staff FOREIGN KEY (staff_id) REFERENCES staff(id) ON DELETE CASCADE) ${TABLE_OPTIONS}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE staff_passkeys`);
    await db.query(`DROP TABLE staff_recovery_codes`);
    await db.query(`DROP TABLE staff_totp`);
  }
}
