import { MigrationInterface, QueryRunner } from 'typeorm';

/** Client-area sessions: only the SHA-256 of each cookie id is kept (SQLite). */
export class ClientArea1764300000000 implements MigrationInterface {
  name = 'ClientArea1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE user_sessions (
      id_hash varchar(64) NOT NULL PRIMARY KEY,
      user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      client_id integer NULL REFERENCES clients(id) ON DELETE CASCADE,
      created_at bigint NOT NULL,
      last_seen_at bigint NOT NULL,
      expires_at bigint NOT NULL,
      ip varchar(45) NULL,
      user_agent varchar(512) NULL,
      csrf_token varchar(64) NOT NULL)`);
    await db.query(`CREATE INDEX idx_user_sessions_user ON user_sessions (user_id)`);
    await db.query(`CREATE INDEX idx_user_sessions_expires ON user_sessions (expires_at)`);
    // The "known address" exemption from a lockout looks for the user's successful sign-ins from an IP.
    await db.query(`CREATE INDEX idx_user_sign_ins_user_ip ON user_sign_ins (user_id, ip)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX idx_user_sign_ins_user_ip`);
    await db.query(`DROP TABLE user_sessions`);
  }
}
