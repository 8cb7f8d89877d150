import type { Locale } from '@keydesk/domain';

/** A moment for a customer's mail or page, in their language; UTC, since Keydesk does not know their zone. */
export function formatWhen(date: Date, locale: Locale): string {
  const text = new Intl.DateTimeFormat(locale === 'es' ? 'es-MX' : 'en-US', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date);
  return `${text} (UTC)`;
}
