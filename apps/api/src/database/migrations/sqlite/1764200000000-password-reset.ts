import { MigrationInterface, QueryRunner } from 'typeorm';

/** Password reset links: only the SHA-256 of each token is kept (SQLite). */
export class PasswordReset1764200000000 implements MigrationInterface {
  name = 'PasswordReset1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE password_reset_tokens (
      id integer PRIMARY KEY AUTOINCREMENT,
      user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      client_id integer NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      ticket_id integer NULL REFERENCES tickets(id) ON DELETE SET NULL,
      ticket_message_id integer NULL REFERENCES ticket_messages(id) ON DELETE SET NULL,
      email_id integer NULL REFERENCES mail_outbox(id) ON DELETE SET NULL,
      token_hash varchar(64) NOT NULL,
      expires_at bigint NOT NULL,
      used_at datetime NULL,
      voided_at datetime NULL,
      reason varchar(200) NULL,
      sent_by_staff_id integer NULL REFERENCES staff(id) ON DELETE SET NULL,
      sent_by_name varchar(255) NOT NULL,
      created_at datetime NOT NULL)`);
    await db.query(`CREATE UNIQUE INDEX uq_password_reset_tokens_hash ON password_reset_tokens (token_hash)`);
    await db.query(`CREATE INDEX idx_password_reset_tokens_user ON password_reset_tokens (user_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE password_reset_tokens`);
  }
}
