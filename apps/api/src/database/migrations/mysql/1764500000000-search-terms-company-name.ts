import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each search term carries its client's company name, so a search sorted by company name orders
 * its matches off the terms it already read instead of looking up every matching client (MySQL).
 */
export class SearchTermsCompanyName1764500000000 implements MigrationInterface {
  name = 'SearchTermsCompanyName1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE client_search_terms ADD COLUMN company_name varchar(255) NOT NULL DEFAULT ''`);
    await db.query(
      `UPDATE client_search_terms t INNER JOIN clients c ON c.id = t.client_id SET t.company_name = c.company_name`,
    );
    // No default left: whoever writes a term must say whose name it sorts by.
    await db.query(`ALTER TABLE client_search_terms ALTER COLUMN company_name DROP DEFAULT`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE client_search_terms DROP COLUMN company_name`);
  }
}
