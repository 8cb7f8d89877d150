import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Password reset links: only the SHA-256 of each token is kept (MySQL). */
export class PasswordReset1764200000000 implements MigrationInterface {
  name = 'PasswordReset1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE password_reset_tokens (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      user_id int NOT NULL,
      client_id int NOT NULL,
      ticket_id int NULL,
      ticket_message_id int NULL,
      email_id int NULL,
      token_hash varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      expires_at bigint NOT NULL,
      used_at datetime(6) NULL,
      voided_at datetime(6) NULL,
      reason varchar(200) NULL,
      sent_by_staff_id int NULL,
      sent_by_name varchar(255) NOT NULL,
      created_at datetime(6) NOT NULL,
      UNIQUE KEY uq_password_reset_tokens_hash (token_hash),
      KEY idx_password_reset_tokens_user (user_id, id),
      CONSTRAINT fk_password_reset_tokens_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,
      CONSTRAINT fk_password_reset_tokens_client FOREIGN KEY (client_id) REFERENCES clients(id) ON DELETE CASCADE,
      CONSTRAINT fk_password_reset_tokens_ticket FOREIGN KEY (ticket_id) REFERENCES tickets(id) ON DELETE SET NULL,
      CONSTRAINT fk_password_reset_tokens_message FOREIGN KEY (ticket_message_id) REFERENCES ticket_messages(id) ON DELETE SET NULL,
      CONSTRAINT fk_password_reset_tokens_email FOREIGN KEY (email_id) REFERENCES mail_outbox(id) ON DELETE SET NULL,
      CONSTRAINT fk_password_reset_tokens_staff FOREIGN KEY (sent_by_staff_id) REFERENCES staff(id) ON DELETE SET NULL) ${TABLE_OPTIONS}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE password_reset_tokens`);
  }
}
