import { MigrationInterface, QueryRunner } from 'typeorm';

import { backfillReviewedRanges } from '../reviewed-ranges-backfill';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Every entry any review covers, as merged ranges of sequence numbers that never overlap nor
 * touch, so the log tells "reviewed" for an entry with one index dive inside its page's
 * statement (ActivityRepository.reviewedPage) instead of a second statement over marks and periods.
 */
export class ReviewedRanges1764900000000 implements MigrationInterface {
  name = 'ReviewedRanges1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE activity_reviewed_ranges (
      from_seq bigint NOT NULL PRIMARY KEY,
      to_seq bigint NOT NULL) ${TABLE_OPTIONS}`);
    await backfillReviewedRanges(db);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE activity_reviewed_ranges');
  }
}
