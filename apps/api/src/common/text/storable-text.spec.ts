import { describe, expect, it } from 'vitest';

import { storableText } from './storable-text';

describe('storableText', () => {
  it('replaces lone surrogates and keeps pairs', () => {
    expect(storableText('\ud800Barra Rara SA')).toBe('\ufffdBarra Rara SA');
    expect(storableText('a\udc00b')).toBe('a\ufffdb');
    expect(storableText('olé 😀')).toBe('olé 😀');
  });

  it('cuts at the limit without leaving half a pair behind', () => {
    expect(storableText('ab😀', 3)).toBe('ab');
    expect(storableText('ab😀', 4)).toBe('ab😀');
    expect(storableText('abcdef', 3)).toBe('abc');
  });

  it('round-trips through UTF-8 unchanged, as the database stores it', () => {
    for (const text of ['\ud800x', 'y\udfff', 'ab😀'.slice(0, 3), '😀😀']) {
      const stored = storableText(text);
      expect(Buffer.from(stored, 'utf8').toString('utf8')).toBe(stored);
    }
  });
});
