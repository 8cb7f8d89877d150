import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rescue codes and the counters that limit them (SQLite); see the MySQL twin. */
export class RescueCodes1764600000000 implements MigrationInterface {
  name = 'RescueCodes1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE rescue_codes (
      id integer PRIMARY KEY AUTOINCREMENT,
      user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      client_id integer NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      code_hash varchar(64) NOT NULL,
      recipients integer NOT NULL,
      failed_attempts integer NOT NULL DEFAULT 0,
      expires_at bigint NOT NULL,
      used_at datetime NULL,
      voided_at datetime NULL,
      void_reason varchar(20) NULL,
      outcome varchar(20) NULL,
      requested_ip varchar(45) NULL,
      redeemed_ip varchar(45) NULL,
      created_at datetime NOT NULL)`);
    await db.query(`CREATE INDEX idx_rescue_codes_user ON rescue_codes (user_id, id)`);
    await db.query(`CREATE INDEX idx_rescue_codes_membership ON rescue_codes (client_id, user_id, id)`);
    await db.query(`CREATE TABLE rate_limits (
      limit_key varchar(64) NOT NULL PRIMARY KEY,
      window_started_at bigint NOT NULL,
      hits integer NOT NULL,
      updated_at bigint NOT NULL)`);
    await db.query(`CREATE INDEX idx_rate_limits_updated ON rate_limits (updated_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rate_limits`);
    await db.query(`DROP TABLE rescue_codes`);
  }
}
