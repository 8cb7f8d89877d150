import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Temporary passwords set by an agent and their view-once links (MySQL). Only the SHA-256 of a
 * link's token is kept, and the password is sealed under a key derived from the token itself, so
 * neither this table nor the server's keys can show it: only the link can, once.
 */
export class PasswordReveals1764400000000 implements MigrationInterface {
  name = 'PasswordReveals1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE password_reveals (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      user_id int NOT NULL,
      client_id int NOT NULL,
      ticket_id int NULL,
      email_id int NULL,
      token_hash varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      sealed_password varchar(2048) CHARACTER SET ascii COLLATE ascii_bin NULL,
      expires_at bigint NOT NULL,
      revealed_at datetime(6) NULL,
      voided_at datetime(6) NULL,
      created_at datetime(6) NOT NULL,
      UNIQUE KEY uq_password_reveals_hash (token_hash),
      KEY idx_password_reveals_user (user_id, id),
      KEY idx_password_reveals_expiry (expires_at),
      CONSTRAINT fk_password_reveals_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,
      CONSTRAINT fk_password_reveals_client FOREIGN KEY (client_id) REFERENCES clients(id) ON DELETE CASCADE,
      CONSTRAINT fk_password_reveals_ticket FOREIGN KEY (ticket_id) REFERENCES tickets(id) ON DELETE SET NULL,
      CONSTRAINT fk_password_reveals_email FOREIGN KEY (email_id) REFERENCES mail_outbox(id) ON DELETE SET NULL) ${TABLE_OPTIONS}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE password_reveals`);
  }
}
