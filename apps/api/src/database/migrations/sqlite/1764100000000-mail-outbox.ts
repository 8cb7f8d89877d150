import { MigrationInterface, QueryRunner } from 'typeorm';

/** The mail outbox and the development mailbox (SQLite). */
export class MailOutbox1764100000000 implements MigrationInterface {
  name = 'MailOutbox1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE mail_outbox (
      id integer PRIMARY KEY AUTOINCREMENT,
      client_id integer NULL REFERENCES clients(id) ON DELETE CASCADE,
      user_id integer NULL REFERENCES users(id) ON DELETE SET NULL,
      ticket_id integer NULL REFERENCES tickets(id) ON DELETE SET NULL,
      recipient varchar(254) NOT NULL,
      locale varchar(2) NOT NULL,
      template varchar(64) NOT NULL,
      data text NOT NULL,
      secrets text NULL,
      secret_names varchar(255) NOT NULL DEFAULT '',
      has_secret boolean NOT NULL DEFAULT 0,
      subject varchar(500) NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'queued',
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at bigint NOT NULL,
      claimed_until bigint NULL,
      claimed_by varchar(64) NULL,
      last_error varchar(500) NULL,
      sent_at datetime NULL,
      created_at datetime NOT NULL)`);
    await db.query(`CREATE INDEX idx_mail_outbox_due ON mail_outbox (status, next_attempt_at)`);
    await db.query(`CREATE INDEX idx_mail_outbox_client ON mail_outbox (client_id, id)`);
    await db.query(`CREATE INDEX idx_mail_outbox_user ON mail_outbox (user_id, id)`);
    await db.query(`CREATE INDEX idx_mail_outbox_ticket ON mail_outbox (ticket_id)`);
    await db.query(`CREATE TABLE dev_mailbox (
      id integer PRIMARY KEY AUTOINCREMENT,
      message_id varchar(255) NOT NULL,
      sender varchar(320) NOT NULL,
      recipient varchar(254) NOT NULL,
      subject varchar(500) NOT NULL,
      text text NOT NULL,
      html text NOT NULL,
      received_at datetime NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE dev_mailbox`);
    await db.query(`DROP TABLE mail_outbox`);
  }
}
