const EXCERPT_LENGTH = 80;

/**
 * What the Log shows of a note: its start on one line, at most 80 characters. Enough to tell
 * notes apart without copying whole bodies into the append-only trail.
 */
export function noteExcerpt(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length <= EXCERPT_LENGTH ? line : `${chars.slice(0, EXCERPT_LENGTH - 1).join('')}…`;
}
