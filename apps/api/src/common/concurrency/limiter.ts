/**
 * At most `concurrency` tasks run at once; up to `queueLimit` wait; past that `run` rejects at
 * once with LimiterFullError, so a burst degrades into quick 503s instead of exhausted memory.
 */
export class Limiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly queueLimit: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueLimit) throw new LimiterFullError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // A waiter inherits the slot, so `running` only drops when nobody waits.
      if (next) next();
      else this.running -= 1;
    }
  }
}

export class LimiterFullError extends Error {
  constructor() {
    super('Limiter queue is full');
  }
}
