import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * API tokens (MySQL): only the SHA-256 of each (160 random bits and more: no slow hash needed),
 * its first characters to tell it apart, the permissions it holds, who made it, when it expires,
 * was last used and was revoked.
 */
export class ApiTokens1765700000000 implements MigrationInterface {
  name = 'ApiTokens1765700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE api_tokens (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name varchar(100) NOT NULL,
      token_hash char(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      prefix varchar(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      permissions varchar(1000) NOT NULL,
      created_by int NOT NULL,
      created_by_name varchar(255) NOT NULL,
      created_at bigint NOT NULL,
      expires_at bigint NOT NULL,
      last_used_at bigint NULL,
      revoked_at bigint NULL,
      UNIQUE KEY uq_api_tokens_hash (token_hash),
      CONSTRAINT fk_api_tokens_creator FOREIGN KEY (created_by) REFERENCES staff(id)) ${TABLE_OPTIONS}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE api_tokens`);
  }
}
