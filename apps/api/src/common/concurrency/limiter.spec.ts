import { describe, expect, it } from 'vitest';

import { Limiter, LimiterFullError } from './limiter';

describe('Limiter', () => {
  it('never runs more than its concurrency and refuses past its queue', async () => {
    const limiter = new Limiter(2, 3);
    let running = 0;
    let peak = 0;
    const releases: Array<() => void> = [];
    const task = () =>
      new Promise<void>((resolve) => {
        running += 1;
        peak = Math.max(peak, running);
        releases.push(() => {
          running -= 1;
          resolve();
        });
      });
    const accepted = Array.from({ length: 5 }, () => limiter.run(task));
    await expect(limiter.run(task)).rejects.toBeInstanceOf(LimiterFullError);
    while (releases.length || running) {
      await new Promise((r) => setImmediate(r));
      releases.shift()?.();
    }
    await Promise.all(accepted);
    expect(peak).toBe(2);
  });
});
