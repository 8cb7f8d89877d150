/**
 * Length limits of the password policy (NIST SP 800-63B rev. 4, section 3.1.1.2). Lengths are
 * counted in Unicode code points, so an emoji or an accented letter counts as one character
 * whatever its UTF-16 or UTF-8 size.
 */

/** Single-factor passwords need at least 15 characters; configuration may lower it to 8 with MFA. */
export const PASSWORD_MIN_LENGTH = 15;

/** The lowest minimum NIST allows at all, and so the lowest a deployment may configure. */
export const PASSWORD_MIN_LENGTH_FLOOR = 8;

/** NIST asks to accept at least 64; we accept far more so passphrases never hit the ceiling. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * The api refuses larger bodies before hashing, so nobody can make the server hash megabytes.
 * 256 code points take at most 4 bytes each, so every password under the length limit fits.
 */
export const PASSWORD_MAX_BYTES = 1024;

export function codePointLength(text: string): number {
  // Array.from walks code points, which is what a person calls a character here.
  return Array.from(text).length;
}

// TextEncoder exists both in browsers and in Node, which keeps this file platform-free.
const utf8 = new TextEncoder();

export function utf8ByteLength(text: string): number {
  return utf8.encode(text).length;
}
