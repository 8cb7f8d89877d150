import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * The mail outbox and the development mailbox (MySQL). Bodies and variables are MEDIUMTEXT: a
 * 20,000-character ticket reply in a four-byte script outgrows TEXT's 64 KiB.
 */
export class MailOutbox1764100000000 implements MigrationInterface {
  name = 'MailOutbox1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE mail_outbox (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      client_id int NULL,
      user_id int NULL,
      ticket_id int NULL,
      recipient varchar(254) NOT NULL,
      locale varchar(2) NOT NULL,
      template varchar(64) NOT NULL,
      data mediumtext NOT NULL,
      secrets mediumtext NULL,
      secret_names varchar(255) NOT NULL DEFAULT '',
      has_secret tinyint NOT NULL DEFAULT 0,
      subject varchar(500) NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'queued',
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at bigint NOT NULL,
      claimed_until bigint NULL,
      claimed_by varchar(64) NULL,
      last_error varchar(500) NULL,
      sent_at datetime(6) NULL,
      created_at datetime(6) NOT NULL,
      KEY idx_mail_outbox_due (status, next_attempt_at),
      KEY idx_mail_outbox_client (client_id, id),
      KEY idx_mail_outbox_user (user_id, id),
      KEY idx_mail_outbox_ticket (ticket_id),
      CONSTRAINT fk_mail_outbox_client FOREIGN KEY (client_id) REFERENCES clients(id) ON DELETE CASCADE,
      CONSTRAINT fk_mail_outbox_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE SET NULL,
      CONSTRAINT fk_mail_outbox_ticket FOREIGN KEY (ticket_id) REFERENCES tickets(id) ON DELETE SET NULL) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE dev_mailbox (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      message_id varchar(255) NOT NULL,
      sender varchar(320) NOT NULL,
      recipient varchar(254) NOT NULL,
      subject varchar(500) NOT NULL,
      text mediumtext NOT NULL,
      html mediumtext NOT NULL,
      received_at datetime(6) NOT NULL) ${TABLE_OPTIONS}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE dev_mailbox`);
    await db.query(`DROP TABLE mail_outbox`);
  }
}
