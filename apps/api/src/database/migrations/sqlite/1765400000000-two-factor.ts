import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff second factors (SQLite); see the MySQL twin. */
export class TwoFactor1765400000000 implements MigrationInterface {
  name = 'TwoFactor1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE staff_totp (
      staff_id integer PRIMARY KEY REFERENCES staff(id) ON DELETE CASCADE,
      secret_sealed varchar(512) NOT NULL,
      confirmed_at bigint NULL,
      last_step bigint NULL,
      created_at bigint NOT NULL)`);
    await db.query(`CREATE TABLE staff_recovery_codes (
      id integer PRIMARY KEY AUTOINCREMENT,
      staff_id integer NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      code_hash varchar(64) NOT NULL,
      used_at bigint NULL,
      created_at bigint NOT NULL)`);
    await db.query(`CREATE UNIQUE INDEX uq_staff_recovery_codes ON staff_recovery_codes (staff_id, code_hash)`);
    await db.query(`CREATE TABLE staff_passkeys (
      id integer PRIMARY KEY AUTOINCREMENT,
      staff_id integer NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      credential_id varchar(512) NOT NULL,
      public_key text NOT NULL,
      counter bigint NOT NULL,
      transports varchar(255) NOT NULL,
      name varchar(64) NOT NULL,
      created_at bigint NOT NULL,
      last_used_at bigint NULL)`);
    await db.query(`CREATE UNIQUE INDEX uq_staff_passkeys_credential ON staff_passkeys (credential_id)`);
    await db.query(`CREATE INDEX idx_staff_passkeys_staff ON staff_passkeys (staff_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE staff_passkeys`);
    await db.query(`DROP TABLE staff_recovery_codes`);
    await db.query(`DROP TABLE staff_totp`);
  }
}
