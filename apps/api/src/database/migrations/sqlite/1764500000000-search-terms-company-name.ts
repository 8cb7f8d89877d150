import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each search term carries its client's company name, so a search sorted by company name orders
 * its matches off the terms it already read instead of looking up every matching client (SQLite:
 * the table is rebuilt, as SQLite cannot add a NOT NULL column without a default).
 */
export class SearchTermsCompanyName1764500000000 implements MigrationInterface {
  name = 'SearchTermsCompanyName1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE client_search_terms_new (
      term varchar(100) NOT NULL,
      client_id integer NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      company_name varchar(255) NOT NULL,
      PRIMARY KEY (term, client_id))`);
    await db.query(`INSERT INTO client_search_terms_new (term, client_id, company_name)
      SELECT t.term, t.client_id, c.company_name FROM client_search_terms t INNER JOIN clients c ON c.id = t.client_id`);
    await db.query(`DROP TABLE client_search_terms`);
    await db.query(`ALTER TABLE client_search_terms_new RENAME TO client_search_terms`);
    await db.query(`CREATE INDEX idx_client_search_terms_client ON client_search_terms (client_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE client_search_terms_old (
      term varchar(100) NOT NULL,
      client_id integer NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      PRIMARY KEY (term, client_id))`);
    await db.query(
      `INSERT INTO client_search_terms_old (term, client_id) SELECT term, client_id FROM client_search_terms`,
    );
    await db.query(`DROP TABLE client_search_terms`);
    await db.query(`ALTER TABLE client_search_terms_old RENAME TO client_search_terms`);
    await db.query(`CREATE INDEX idx_client_search_terms_client ON client_search_terms (client_id)`);
  }
}
