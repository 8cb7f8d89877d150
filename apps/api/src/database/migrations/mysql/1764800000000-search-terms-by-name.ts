import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A search term's clients in company-name order, so the list's first page of a common word
 * ("servicios": 25,000 clients of a million) reads its 25 clients off the index instead of
 * sorting a thousand matches (client-name-search.ts, pageOfWord).
 */
export class SearchTermsByName1764800000000 implements MigrationInterface {
  name = 'SearchTermsByName1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'ALTER TABLE client_search_terms ADD KEY idx_client_search_terms_name (term, company_name, client_id)',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE client_search_terms DROP KEY idx_client_search_terms_name');
  }
}
