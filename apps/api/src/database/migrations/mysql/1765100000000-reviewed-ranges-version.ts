import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * One counter that goes up with every change of activity_reviewed_ranges, in the same transaction.
 * A page of the log reads it in its own statement, so an api process can keep the ranges in memory
 * and know, without a second statement, whether its copy is the one that page was read against
 * (ReviewedRangesCopy).
 */
export class ReviewedRangesVersion1765100000000 implements MigrationInterface {
  name = 'ReviewedRangesVersion1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE activity_reviewed_ranges_version (
      id tinyint NOT NULL PRIMARY KEY,
      version bigint NOT NULL) ${TABLE_OPTIONS}`);
    await db.query('INSERT INTO activity_reviewed_ranges_version (id, version) VALUES (1, 1)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE activity_reviewed_ranges_version');
  }
}
