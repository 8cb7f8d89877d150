import { MigrationInterface, QueryRunner } from 'typeorm';

/** A search term's clients in company-name order (see the MySQL migration of the same name). */
export class SearchTermsByName1764800000000 implements MigrationInterface {
  name = 'SearchTermsByName1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX idx_client_search_terms_name ON client_search_terms (term, company_name, client_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX idx_client_search_terms_name');
  }
}
