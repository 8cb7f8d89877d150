import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Client-area sessions: only the SHA-256 of each cookie id is kept (MySQL). */
export class ClientArea1764300000000 implements MigrationInterface {
  name = 'ClientArea1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE user_sessions (
      id_hash varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
      user_id int NOT NULL,
      client_id int NULL,
      created_at bigint NOT NULL,
      last_seen_at bigint NOT NULL,
      expires_at bigint NOT NULL,
      ip varchar(45) NULL,
      user_agent varchar(512) NULL,
      csrf_token varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      KEY idx_user_sessions_user (user_id),
      KEY idx_user_sessions_expires (expires_at),
      CONSTRAINT fk_user_sessions_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,
      CONSTRAINT fk_user_sessions_client FOREIGN KEY (client_id) REFERENCES clients(id) ON DELETE CASCADE) ${TABLE_OPTIONS}`);
    // The "known address" exemption from a lockout looks for the user's successful sign-ins from an IP.
    await db.query(`CREATE INDEX idx_user_sign_ins_user_ip ON user_sign_ins (user_id, ip)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX idx_user_sign_ins_user_ip ON user_sign_ins`);
    await db.query(`DROP TABLE user_sessions`);
  }
}
