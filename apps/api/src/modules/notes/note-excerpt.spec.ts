import { describe, expect, it } from 'vitest';

import { noteExcerpt } from './note-excerpt';

describe('note excerpt', () => {
  it('keeps a short note whole, on one line', () => {
    expect(noteExcerpt('  Call after\n\n16:00  ')).toBe('Call after 16:00');
  });

  it('cuts a long note to 80 characters, an ellipsis included, without splitting a character', () => {
    const excerpt = noteExcerpt('😀'.repeat(100));
    expect([...excerpt]).toHaveLength(80);
    expect(excerpt.endsWith('😀…')).toBe(true);
  });
});
