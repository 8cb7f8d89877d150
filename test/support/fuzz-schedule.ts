import { Operation, operationName } from './openapi-operations';
import { Prng } from './prng';

export interface Slot {
  operation: Operation;
  signedIn: boolean;
}

/** A round of the run: its GETs go 8 at a time, its other requests one at a time, its slow ones together. */
export interface Round {
  gets: Slot[];
  changes: Slot[];
  slow: Slot[];
}

/**
 * `total` requests spread evenly over the operations (a quarter of them anonymous), shuffled and
 * cut into rounds, so later GETs read back what earlier requests stored. Slow operations (an
 * answer that waits on purpose) get `slowEach` requests, sent together so the waits overlap.
 */
export function schedule(
  operations: Operation[],
  total: number,
  prng: Prng,
  slow: Set<string>,
  slowEach: number,
  rounds: number,
): Round[] {
  const fast = operations.filter((o) => !slow.has(operationName(o)));
  const slowOnes = operations.filter((o) => slow.has(operationName(o)));
  const each = Math.ceil((total - slowOnes.length * slowEach) / fast.length);
  const slots = (ops: Operation[], n: number) =>
    ops.flatMap((operation) => Array.from({ length: n }, (_, i) => ({ operation, signedIn: i % 4 !== 3 })));
  const all = prng.shuffle([...slots(fast, each), ...slots(slowOnes, slowEach)]);
  const result: Round[] = Array.from({ length: rounds }, () => ({ gets: [], changes: [], slow: [] }));
  all.forEach((slot, i) => {
    const round = result[i % rounds];
    if (slow.has(operationName(slot.operation))) round.slow.push(slot);
    else if (slot.operation.method === 'GET') round.gets.push(slot);
    else round.changes.push(slot);
  });
  return result;
}
