import { caseFolded, smallestPeriod, withoutSeparators } from './comparable-text';

/**
 * Runs people type without thinking: the alphabet, digits, keyboard rows and columns (QWERTY,
 * the Spanish and German rows, AZERTY) and the numeric keypad. Any two characters next to each
 * other here are one predictable step, in either direction.
 */
const STRAIGHT_RUNS: readonly string[] = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  '`1234567890-=',
  '~!@#$%^&*()_+',
  "qwertyuiop[]\\asdfghjkl;'zxcvbnm,./",
  'qwertyuiopasdfghjklñzxcvbnm',
  'qwertzuiopüasdfghjklöäyxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/',
  'zaq12wsxcde34rfvbgt56yhnmju78ik,.lo90p;/',
  '1q2w3e4r5t6y7u8i9o0p',
  'qazwsxedcrfvtgbyhnujmik,ol.p;/',
  '7894561230',
  '1472583690',
];

// Three runs ("qwerty" + "123456" + "asdf") are still guessed in a handful of tries.
const MAX_PREDICTABLE_RUNS = 3;
// Fifteen characters drawn from three symbols leave under 24 bits to guess.
const MAX_DISTINCT_FOR_REPETITIVE = 3;
const MIN_COPIES_FOR_REPETITIVE = 3;

let neighbours: ReadonlyMap<string, ReadonlySet<string>> | undefined;

function neighbourMap(): ReadonlyMap<string, ReadonlySet<string>> {
  if (!neighbours) {
    const map = new Map<string, Set<string>>();
    const link = (from: string, to: string) => {
      const set = map.get(from) ?? new Set<string>();
      set.add(to);
      map.set(from, set);
    };
    for (const run of STRAIGHT_RUNS) {
      const chars = Array.from(run);
      for (let i = 1; i < chars.length; i++) {
        link(chars[i - 1], chars[i]);
        link(chars[i], chars[i - 1]);
      }
    }
    neighbours = map;
  }
  return neighbours;
}

interface PatternForms {
  /** Case-folded, so "-_-_-_-_" is seen. */
  whole: string[];
  /** Also without separators, so "a a a a" and "abc-def-ghi" are seen. */
  squeezed: string[];
}

function patternForms(password: string): PatternForms {
  const folded = caseFolded(password);
  return { whole: Array.from(folded), squeezed: Array.from(withoutSeparators(folded)) };
}

function repeatsItself(chars: readonly string[]): boolean {
  if (chars.length === 0) return false;
  if (new Set(chars).size <= MAX_DISTINCT_FOR_REPETITIVE) return true;
  return smallestPeriod(chars) * MIN_COPIES_FOR_REPETITIVE <= chars.length;
}

/** "aaaaaaaaaaaaaaaa", "abcabcabcabcabc", "1212121212121212". */
export function isRepetitive(password: string): boolean {
  const { whole, squeezed } = patternForms(password);
  return repeatsItself(whole) || repeatsItself(squeezed);
}

/**
 * "abcdefghijklmnop", "1234567890123456", "qwertyuiopasdfgh": every step to the next character
 * repeats it or moves to a neighbour in a straight run, but for at most two jumps.
 */
export function isSequential(password: string): boolean {
  const { whole, squeezed } = patternForms(password);
  // A password of separators only ("-.-.-._") is judged as typed.
  const chars = squeezed.length > 0 ? squeezed : whole;
  if (chars.length === 0) return false;
  const map = neighbourMap();
  let runs = 1;
  for (let i = 1; i < chars.length && runs <= MAX_PREDICTABLE_RUNS; i++) {
    const previous = chars[i - 1];
    const step = chars[i];
    if (step !== previous && !map.get(previous)?.has(step)) runs++;
  }
  return runs <= MAX_PREDICTABLE_RUNS;
}
