/**
 * mulberry32: a tiny seeded PRNG, so a generated run can be replayed exactly from its seed
 * (Math.random cannot be seeded). Good enough for picking inputs; not for anything secret.
 */
export class Prng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, max). */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)];
  }

  /** A new array in random order (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = this.int(i + 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /** A lower-case hex string of `length` characters. */
  hex(length: number): string {
    let text = '';
    while (text.length < length) text += this.int(16).toString(16);
    return text;
  }
}

/** FUZZ_SEED from the environment (decimal or 0x hex), or the fixed default. */
export function seedFromEnv(defaultSeed: number): number {
  const raw = process.env.FUZZ_SEED;
  if (!raw) return defaultSeed;
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, not ${raw}`);
  return seed >>> 0;
}
