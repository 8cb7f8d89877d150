import { MigrationInterface, QueryRunner } from 'typeorm';

/** Temporary passwords set by an agent and their view-once links (SQLite); see the MySQL twin. */
export class PasswordReveals1764400000000 implements MigrationInterface {
  name = 'PasswordReveals1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE password_reveals (
      id integer PRIMARY KEY AUTOINCREMENT,
      user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      client_id integer NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      ticket_id integer NULL REFERENCES tickets(id) ON DELETE SET NULL,
      email_id integer NULL REFERENCES mail_outbox(id) ON DELETE SET NULL,
      token_hash varchar(64) NOT NULL,
      sealed_password varchar(2048) NULL,
      expires_at bigint NOT NULL,
      revealed_at datetime NULL,
      voided_at datetime NULL,
      created_at datetime NOT NULL)`);
    await db.query(`CREATE UNIQUE INDEX uq_password_reveals_hash ON password_reveals (token_hash)`);
    await db.query(`CREATE INDEX idx_password_reveals_user ON password_reveals (user_id, id)`);
    await db.query(`CREATE INDEX idx_password_reveals_expiry ON password_reveals (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE password_reveals`);
  }
}
