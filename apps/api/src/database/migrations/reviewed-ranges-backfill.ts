/** What the backfill needs of a connection: a TypeORM QueryRunner, or seed:large's mysql2 wrapper. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

type Range = [from: number, to: number];

/**
 * Fills activity_reviewed_ranges from the reviews recorded so far (marks and periods), merged so
 * that no two ranges overlap or touch: the rule ActivityRepository.saveCoverage keeps afterwards.
 * Used by both dialects' migration and by seed:large, which writes its reviews in bulk.
 */
export async function backfillReviewedRanges(db: Queryable): Promise<void> {
  const periods = (await db.query(
    'SELECT from_seq AS f, to_seq AS t FROM activity_review_periods WHERE to_seq >= from_seq',
  )) as Array<{ f: string | number; t: string | number }>;
  const marks = (await db.query('SELECT DISTINCT entry_seq AS s FROM activity_review_marks')) as Array<{
    s: string | number;
  }>;
  const covered: Range[] = [
    ...periods.map((row): Range => [Number(row.f), Number(row.t)]),
    ...marks.map((row): Range => [Number(row.s), Number(row.s)]),
  ].sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const [from, to] of covered) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  for (let i = 0; i < merged.length; i += 500) {
    const batch = merged.slice(i, i + 500);
    await db.query(
      `INSERT INTO activity_reviewed_ranges (from_seq, to_seq) VALUES ${batch.map(() => '(?, ?)').join(', ')}`,
      batch.flat(),
    );
  }
}
