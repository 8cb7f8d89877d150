import { describe, expect, it } from 'vitest';

import { ALL_ASSURED_ACTIONS, ErrorCode } from '@keydesk/domain';

import { en } from './messages.en';
import { es } from './messages.es';
import { localeFromAcceptLanguage, translate } from './translate';

describe('API messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(es).filter((key) => !(key in en))).toEqual([]);
    expect(Object.keys(en).filter((key) => !(key in es))).toEqual([]);
    expect(Object.entries({ ...en, ...es }).filter(([, text]) => !text.trim())).toEqual([]);
  });

  it('has a message for every error code', () => {
    const missing = Object.values(ErrorCode).filter((code) => !(`errors.${code}` in en));
    expect(missing).toEqual([]);
  });

  it('names every action an approval can allow', () => {
    const missing = ALL_ASSURED_ACTIONS.filter((action) => !(`assuredActions.${action}` in en));
    expect(missing).toEqual([]);
  });

  it('fills placeholders and picks the language by quality', () => {
    expect(translate('es', 'errors.TOO_MANY_ATTEMPTS', { seconds: 60 })).toContain('60 segundos');
    expect(localeFromAcceptLanguage('fr-FR, es-MX;q=0.8, en;q=0.5')).toBe('es');
    expect(localeFromAcceptLanguage('en-US,es;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('de')).toBe('en');
    expect(localeFromAcceptLanguage(undefined)).toBe('en');
  });
});
