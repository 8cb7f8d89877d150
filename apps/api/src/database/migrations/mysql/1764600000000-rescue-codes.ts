import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Rescue codes and the counters that limit them (MySQL). A code is kept only as an HMAC under a
 * key outside the database; counters are keyed by a SHA-256, so no typed name is stored.
 */
export class RescueCodes1764600000000 implements MigrationInterface {
  name = 'RescueCodes1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE rescue_codes (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      user_id int NOT NULL,
      client_id int NOT NULL,
      code_hash varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      recipients int NOT NULL,
      failed_attempts int NOT NULL DEFAULT 0,
      expires_at bigint NOT NULL,
      used_at datetime(6) NULL,
      voided_at datetime(6) NULL,
      void_reason varchar(20) NULL,
      outcome varchar(20) NULL,
      requested_ip varchar(45) NULL,
      redeemed_ip varchar(45) NULL,
      created_at datetime(6) NOT NULL,
      KEY idx_rescue_codes_user (user_id, id),
      KEY idx_rescue_codes_membership (client_id, user_id, id),
      CONSTRAINT fk_rescue_codes_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,
      CONSTRAINT fk_rescue_codes_client FOREIGN KEY (client_id) REFERENCES clients(id) ON DELETE CASCADE) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE rate_limits (
      limit_key varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
      window_started_at bigint NOT NULL,
      hits int NOT NULL,
      updated_at bigint NOT NULL,
      KEY idx_rate_limits_updated (updated_at)) ${TABLE_OPTIONS}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rate_limits`);
    await db.query(`DROP TABLE rescue_codes`);
  }
}
