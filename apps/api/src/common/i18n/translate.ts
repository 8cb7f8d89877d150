import type { Locale } from '@keydesk/domain';

import { en } from './messages.en';
import { es } from './messages.es';

const CATALOGUES: Record<Locale, Record<string, string>> = { en, es };

export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = CATALOGUES[locale][key] ?? CATALOGUES.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** Picks es or en from Accept-Language by quality; English when neither is asked for. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...options] = part.trim().toLowerCase().split(';');
      const q = options.find((o) => o.trim().startsWith('q='));
      return { language: tag.split('-')[0], q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const match = ranked.find((entry) => entry.language === 'es' || entry.language === 'en');
  return (match?.language as Locale | undefined) ?? 'en';
}
