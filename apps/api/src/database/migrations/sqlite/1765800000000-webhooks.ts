import { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhooks and their deliveries (SQLite); see the MySQL twin. */
export class Webhooks1765800000000 implements MigrationInterface {
  name = 'Webhooks1765800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE webhooks (
      id integer PRIMARY KEY AUTOINCREMENT,
      url varchar(2000) NOT NULL,
      events varchar(500) NOT NULL,
      secret_sealed varchar(512) NOT NULL,
      created_by integer NOT NULL REFERENCES staff(id),
      created_by_name varchar(255) NOT NULL,
      created_at bigint NOT NULL,
      deleted_at bigint NULL)`);
    await db.query(`CREATE TABLE webhook_deliveries (
      id integer PRIMARY KEY AUTOINCREMENT,
      webhook_id integer NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
      event varchar(48) NOT NULL,
      message_id varchar(64) NOT NULL,
      payload text NOT NULL,
      status varchar(16) NOT NULL,
      attempts integer NOT NULL,
      attempt_log text NOT NULL,
      next_attempt_at bigint NULL,
      claimed_by varchar(64) NULL,
      claimed_until bigint NULL,
      delivered_at bigint NULL,
      created_at bigint NOT NULL)`);
    await db.query(`CREATE INDEX idx_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at)`);
    await db.query(`CREATE INDEX idx_webhook_deliveries_webhook ON webhook_deliveries (webhook_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE webhook_deliveries`);
    await db.query(`DROP TABLE webhooks`);
  }
}
