import { MigrationInterface, QueryRunner } from 'typeorm';

/** API tokens (SQLite); see the MySQL twin. */
export class ApiTokens1765700000000 implements MigrationInterface {
  name = 'ApiTokens1765700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE api_tokens (
      id integer PRIMARY KEY AUTOINCREMENT,
      name varchar(100) NOT NULL,
      token_hash varchar(64) NOT NULL,
      prefix varchar(16) NOT NULL,
      permissions varchar(1000) NOT NULL,
      created_by integer NOT NULL REFERENCES staff(id),
      created_by_name varchar(255) NOT NULL,
      created_at bigint NOT NULL,
      expires_at bigint NOT NULL,
      last_used_at bigint NULL,
      revoked_at bigint NULL)`);
    await db.query(`CREATE UNIQUE INDEX uq_api_tokens_hash ON api_tokens (token_hash)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE api_tokens`);
  }
}
