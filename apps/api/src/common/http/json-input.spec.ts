import { describe, expect, it } from 'vitest';

import { jsonInputErrors, MAX_JSON_DEPTH } from './json-input';

const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

describe('jsonInputErrors', () => {
  it('passes what requests carry: text in any script, pairs of surrogates, numbers, lists', () => {
    expect(
      jsonInputErrors({ name: 'Óscar 😀 日本', roleIds: [1, 2], nested: { ok: true, none: null } }, 'body'),
    ).toBeUndefined();
    expect(jsonInputErrors(nested(MAX_JSON_DEPTH), 'body')).toBeUndefined();
  });

  it('names each field holding a lone surrogate, in values, lists and keys', () => {
    const value = JSON.parse('{"companyName":"\\ud800Barra","tags":["ok","x\\udc00"],"a":{"\\ud83d":1}}');
    expect(jsonInputErrors(value, 'body')).toEqual({
      companyName: { key: 'validation.wellFormed' },
      'tags.1': { key: 'validation.wellFormed' },
      'a.\ufffd': { key: 'validation.wellFormed' },
    });
    expect(jsonInputErrors('\ud800', 'filter')).toEqual({ filter: { key: 'validation.wellFormed' } });
  });

  it('refuses nesting past the limit without recursing, by the field it is in', () => {
    expect(jsonInputErrors(nested(5000), 'body')).toEqual({
      body: { key: 'validation.tooDeep', params: { max: MAX_JSON_DEPTH } },
    });
    expect(jsonInputErrors({ username: nested(100) }, 'body')).toEqual({
      username: { key: 'validation.tooDeep', params: { max: MAX_JSON_DEPTH } },
    });
  });

  it('refuses the keys object mappers treat as special, wherever they are', () => {
    const value = JSON.parse('{"username":{"constructor":1},"__proto__":{"admin":true},"x":[{"prototype":2}]}');
    expect(Object.keys(jsonInputErrors(value, 'body') ?? {}).sort()).toEqual([
      '__proto__',
      'username.constructor',
      'x.0.prototype',
    ]);
  });

  it('reports twenty fields at most', () => {
    const value = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, '\ud800']));
    expect(Object.keys(jsonInputErrors(value, 'body') ?? {})).toHaveLength(20);
  });
});
