/**
 * Forms of a password used only to compare it with lists, patterns and personal data. The
 * password itself is never changed: these forms are thrown away after the check.
 */

const COMBINING_MARKS = /\p{M}/gu;
// Characters people put between the words of a passphrase; they add little to guess.
const SEPARATORS = /[\s\-_.,]+/gu;
const NON_LETTERS_AT_ENDS = /^\P{L}+|\P{L}+$/gu;

/** NFKC and lower case, so "Ｐａｓｓ" and "PASS" look like "pass". */
export function caseFolded(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Also without accents, so "contraseña" and "contrasena" are the same word to a list lookup. */
export function accentFolded(text: string): string {
  return caseFolded(text).normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}

export function withoutSeparators(text: string): string {
  return text.replace(SEPARATORS, '');
}

/** "!!password2024" → "password": what is left once the digits and symbols at the ends go. */
export function letterCore(text: string): string {
  return text.replace(NON_LETTERS_AT_ENDS, '');
}

/**
 * Length of the shortest unit the text repeats ("abcabcab" → 3; a last, partial copy counts).
 * The text's own length when it repeats nothing. KMP prefix function, so O(length).
 */
export function smallestPeriod(codePoints: readonly string[]): number {
  const n = codePoints.length;
  if (n === 0) return 0;
  const border = new Array<number>(n).fill(0);
  for (let i = 1; i < n; i++) {
    let k = border[i - 1];
    while (k > 0 && codePoints[i] !== codePoints[k]) k = border[k - 1];
    if (codePoints[i] === codePoints[k]) k++;
    border[i] = k;
  }
  return n - border[n - 1];
}

/** "dragondragondrag" → "dragon"; the text itself when it is not at least two copies of a unit. */
export function repeatedUnit(text: string): string {
  const codePoints = Array.from(text);
  const period = smallestPeriod(codePoints);
  return period * 2 <= codePoints.length ? codePoints.slice(0, period).join('') : text;
}

const LEET: Readonly<Record<string, string>> = {
  '@': 'a',
  '4': 'a',
  '8': 'b',
  '3': 'e',
  '6': 'g',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
};

/** "p@ssw0rd" → "password". "1" and "!" stand for "i" or "l", so the caller picks one. */
export function withoutLeet(text: string, one: 'i' | 'l'): string {
  let plain = '';
  for (const char of text) plain += char === '1' || char === '!' ? one : (LEET[char] ?? char);
  return plain;
}
