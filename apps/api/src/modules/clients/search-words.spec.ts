import { describe, expect, it } from 'vitest';

import { queryPhrase, queryWords, termsOf, wordsOf } from './search-words';

describe('client search words', () => {
  const client = {
    clientKey: 'PEÑ850101AB1',
    companyName: 'Panadería La Espiga, S.A. de C.V.',
    firstName: 'José',
    lastName: 'Peña-Núñez',
    email: 'Jose.Pena@espiga.mx',
    phone: '+52 (55) 1234-5678',
    people: [{ firstName: 'Ana', lastName: 'López', email: 'ana.lopez@correo.com' }],
  };

  it('folds accents and case and splits emails into the address and its parts', () => {
    expect(wordsOf('Jose.Pena@espiga.mx')).toEqual(['jose.pena@espiga.mx', 'jose', 'pena', 'espiga', 'mx']);
    expect(wordsOf('Peña-Núñez')).toEqual(['pena', 'nunez']);
  });

  it('indexes names, emails, key and phone of the client and its people', () => {
    const terms = termsOf(client);
    expect(terms).toEqual(
      expect.arrayContaining([
        'pen850101ab1',
        'panaderia',
        'espiga',
        'jose',
        'pena',
        'nunez',
        'jose.pena@espiga.mx',
        'ana.lopez@correo.com',
        'lopez',
        '525512345678',
        '5512345678',
      ]),
    );
  });

  it('indexes whole names as phrases and reads a several-word search as one', () => {
    expect(termsOf(client)).toEqual(
      expect.arrayContaining(['panaderia la espiga s a de c v', 'jose pena nunez', 'pena nunez', 'ana lopez']),
    );
    expect(queryPhrase('José  Peña')).toBe('jose pena');
    expect(queryPhrase('espiga')).toBeUndefined();
    expect(queryPhrase('ana.lopez@correo')).toBeUndefined();
    expect(queryPhrase('55 1234 5678')).toBeUndefined();
  });

  it('reads a search box the same way', () => {
    expect(queryWords('  Peña  espi ')).toEqual(['pena', 'espi']);
    expect(queryWords('ana.lopez@corr')).toEqual(['ana.lopez@corr']);
    expect(queryWords('55 1234-56')).toEqual(['55123456']);
    expect(queryWords('S.A. de C.V.')).toEqual(['s', 'a', 'de', 'c', 'v']);
    expect(queryWords('   ')).toEqual([]);
  });
});
