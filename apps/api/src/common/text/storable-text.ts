/**
 * Text as the database stores it, so that what the audit chain signs is what it will read back:
 * at most `maxLength` UTF-16 units, never cut between the halves of a pair, and any lone surrogate
 * as U+FFFD (MariaDB stores U+FFFD in its place, SQLite invalid UTF-8). Requests with a lone
 * surrogate are refused before this (json-input.ts); this guards text that comes from elsewhere.
 */
export function storableText(text: string, maxLength = Infinity): string {
  let cut = text.length > maxLength ? text.slice(0, maxLength) : text;
  if (/\p{Surrogate}$/u.test(cut) && cut.length < text.length) cut = cut.slice(0, -1);
  return cut.replace(/\p{Surrogate}/gu, '\uFFFD');
}
