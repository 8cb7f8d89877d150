import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Webhooks (MySQL): the receivers with their events and signing secret (sealed under a key from
 * the configuration), and the deliveries, written in the transaction of the action that caused
 * them and claimed by one worker at a time, with every attempt and answer.
 */
export class Webhooks1765800000000 implements MigrationInterface {
  name = 'Webhooks1765800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE webhooks (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      url varchar(2000) NOT NULL,
      events varchar(500) NOT NULL,
      secret_sealed varchar(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      created_by int NOT NULL,
      created_by_name varchar(255) NOT NULL,
      created_at bigint NOT NULL,
      deleted_at bigint NULL,
      CONSTRAINT fk_webhooks_creator FOREIGN KEY (created_by) REFERENCES staff(id)) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE webhook_deliveries (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      webhook_id int NOT NULL,
      event varchar(48) NOT NULL,
      message_id varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      payload text NOT NULL,
      status varchar(16) NOT NULL,
      attempts int NOT NULL,
      attempt_log text NOT NULL,
      next_attempt_at bigint NULL,
      claimed_by varchar(64) NULL,
      claimed_until bigint NULL,
      delivered_at bigint NULL,
      created_at bigint NOT NULL,
      KEY idx_webhook_deliveries_due (status, next_attempt_at),
      KEY idx_webhook_deliveries_webhook (webhook_id, id),
      CONSTRAINT fk_webhook_deliveries_webhook FOREIGN KEY (webhook_id) REFERENCES webhooks(id) ON DELETE CASCADE) ${TABLE_OPTIONS}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE webhook_deliveries`);
    await db.query(`DROP TABLE webhooks`);
  }
}
