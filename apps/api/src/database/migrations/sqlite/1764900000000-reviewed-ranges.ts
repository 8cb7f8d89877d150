import { MigrationInterface, QueryRunner } from 'typeorm';

import { backfillReviewedRanges } from '../reviewed-ranges-backfill';

/** Every entry any review covers, as merged ranges (see the MySQL migration of the same name). */
export class ReviewedRanges1764900000000 implements MigrationInterface {
  name = 'ReviewedRanges1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE activity_reviewed_ranges (
      from_seq bigint NOT NULL PRIMARY KEY,
      to_seq bigint NOT NULL)`);
    await backfillReviewedRanges(db);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE activity_reviewed_ranges');
  }
}
