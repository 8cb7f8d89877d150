import { MigrationInterface, QueryRunner } from 'typeorm';

/** The reviewed ranges' change counter (see the MySQL migration of the same name). */
export class ReviewedRangesVersion1765100000000 implements MigrationInterface {
  name = 'ReviewedRangesVersion1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE activity_reviewed_ranges_version (
      id integer NOT NULL PRIMARY KEY,
      version bigint NOT NULL)`);
    await db.query('INSERT INTO activity_reviewed_ranges_version (id, version) VALUES (1, 1)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE activity_reviewed_ranges_version');
  }
}
