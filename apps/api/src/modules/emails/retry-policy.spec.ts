import { describe, expect, it } from 'vitest';

import { BATCH_SIZE, CLAIM_MS, MAX_ATTEMPTS, retryDelayMs } from './retry-policy';

describe('mail retry policy', () => {
  it('waits 30 s after the first failure and doubles, up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000,
    ]);
    expect(retryDelayMs(8)).toBe(3_600_000);
    expect(retryDelayMs(30)).toBe(3_600_000);
  });

  it('gives up after 8 attempts, and a claim outlasts a batch of stalled SMTP sessions', () => {
    expect(MAX_ATTEMPTS).toBe(8);
    // connection 10 s + greeting 10 s + socket 30 s per mail, the transport's timeouts.
    expect(CLAIM_MS).toBeGreaterThan(BATCH_SIZE * 50_000);
  });
});
