import { LOCALES, type Locale } from '@keydesk/domain';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';

import { englishMessages } from '../i18n/en';
import { spanishMessages } from '../i18n/es';

const MESSAGES: Record<Locale, typeof englishMessages> = { es: spanishMessages, en: englishMessages };

/**
 * react-admin keeps the chosen locale in its store, but signing out resets that store; the choice
 * is a property of the person at this browser, not of the session, so it is kept apart.
 */
const PREFERENCE_KEY = 'keydesk.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function readPreference(): Locale | null {
  try {
    const stored = window.localStorage.getItem(PREFERENCE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

function writePreference(locale: Locale): void {
  try {
    window.localStorage.setItem(PREFERENCE_KEY, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts until the tab closes.
  }
}

function browserLocale(): Locale {
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Screen readers pick their voice from <html lang>, so it follows the UI's language. */
function announceLanguage(locale: Locale): void {
  document.documentElement.lang = locale;
}

function createI18nProvider(): I18nProvider {
  const initial = readPreference() ?? browserLocale();
  announceLanguage(initial);
  const polyglot = polyglotI18nProvider((locale) => MESSAGES[isLocale(locale) ? locale : 'en'], initial, [
    { locale: 'es', name: 'Español' },
    { locale: 'en', name: 'English' },
  ]);
  return {
    ...polyglot,
    changeLocale: async (locale, options) => {
      await polyglot.changeLocale(locale, options);
      if (isLocale(locale)) {
        writePreference(locale);
        announceLanguage(locale);
      }
    },
  };
}

export const i18nProvider = createI18nProvider();

/**
 * A message in a given language whatever the UI's: for text the customer reads, such as the
 * subject of a ticket opened for them, which follows the client's language.
 */
export function translateIn(locale: Locale, key: string, args: Record<string, string | number> = {}): string {
  let message: unknown = MESSAGES[locale];
  for (const part of key.split('.')) message = (message as Record<string, unknown> | undefined)?.[part];
  if (typeof message !== 'string') return key;
  return message.replace(/%\{(\w+)\}/g, (placeholder, name: string) =>
    name in args ? String(args[name]) : placeholder,
  );
}
