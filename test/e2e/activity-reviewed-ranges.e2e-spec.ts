import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { backfillReviewedRanges } from '../../apps/api/src/database/migrations/reviewed-ranges-backfill';
import { TransactionRunner } from '../../apps/api/src/database/transaction-runner';
import {
  ActivityRepository,
  consecutiveRuns,
  ReviewCoverage,
} from '../../apps/api/src/modules/activity/activity.repository';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

/** A small deterministic generator, so a failure replays the same reviews. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('consecutiveRuns', () => {
  it('groups sequence numbers into runs, whatever their order and repeats', () => {
    expect(consecutiveRuns([7, 3, 1, 2, 3, 9, 8])).toEqual([
      { fromSeq: 1, toSeq: 3 },
      { fromSeq: 7, toSeq: 9 },
    ]);
    expect(consecutiveRuns([])).toEqual([]);
  });
});

describe.each(TEST_DATABASES)('the reviewed ranges on %s', (kind) => {
  let t: TestApp;
  let entries: ActivityRepository;
  let transactions: TransactionRunner;

  beforeAll(async () => {
    t = await startTestApp(kind);
    entries = t.app.get(ActivityRepository);
    transactions = t.app.get(TransactionRunner);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function ranges(): Promise<Array<[number, number]>> {
    const rows = (await t.dataSource.query(
      'SELECT from_seq AS f, to_seq AS t FROM activity_reviewed_ranges ORDER BY from_seq',
    )) as Array<{ f: string | number; t: string | number }>;
    return rows.map((row) => [Number(row.f), Number(row.t)]);
  }

  /** The ranges a set of covered sequence numbers must come to: maximal runs. */
  function expectedRanges(covered: Set<number>): Array<[number, number]> {
    return consecutiveRuns([...covered]).map(({ fromSeq, toSeq }) => [fromSeq, toSeq]);
  }

  it('stays the maximal runs of every reviewed entry through overlapping, touching and repeated reviews', async () => {
    const random = seeded(42);
    const covered = new Set<number>();
    for (let review = 1; review <= 60; review += 1) {
      const coverage: ReviewCoverage = { reviewSeq: 100_000 + review };
      if (random() < 0.4) {
        const fromSeq = 1 + Math.floor(random() * 300);
        const toSeq = fromSeq + Math.floor(random() * 25) - 2; // now and then empty (to < from), as an empty period is
        coverage.range = { fromSeq, toSeq };
        for (let seq = fromSeq; seq <= toSeq; seq += 1) covered.add(seq);
      } else {
        coverage.entrySeqs = [
          ...new Set(Array.from({ length: 1 + Math.floor(random() * 6) }, () => 1 + Math.floor(random() * 320))),
        ];
        for (const seq of coverage.entrySeqs) covered.add(seq);
      }
      await transactions.run((manager) => entries.saveCoverage(manager, coverage));
      expect(await ranges(), `after review ${review}`).toEqual(expectedRanges(covered));
    }

    // What the list shows as reviewed, for pages dense and sparse, in any order, agrees with the reviews.
    for (let page = 0; page < 40; page += 1) {
      const step = 1 + Math.floor(random() * 12);
      const top = 1 + Math.floor(random() * 340);
      const seqs = Array.from({ length: 1 + Math.floor(random() * 51) }, (_, i) => top - i * step).filter(
        (seq) => seq > 0,
      );
      const reviewed = await entries.reviewedAmong(random() < 0.5 ? seqs : [...seqs].reverse());
      expect(
        [...reviewed].sort((a, b) => a - b),
        `page ${page}: ${seqs.join(',')}`,
      ).toEqual(seqs.filter((seq) => covered.has(seq)).sort((a, b) => a - b));
    }
    expect(await entries.reviewedAmong([])).toEqual(new Set());

    // The migration's backfill, from the same marks and periods, comes to the same ranges.
    const maintained = await ranges();
    await t.dataSource.query('DELETE FROM activity_reviewed_ranges');
    await backfillReviewedRanges(t.dataSource);
    expect(await ranges()).toEqual(maintained);
  });
});
