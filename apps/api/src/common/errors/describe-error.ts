import type { Locale } from '@keydesk/domain';

import { translate } from '../i18n/translate';
import { DomainError } from './domain-error';

/** A DomainError as console text, for the CLI and start-up (a bootstrap password refused...). */
export function describeError(error: unknown, locale: Locale = 'en'): string {
  if (!(error instanceof DomainError)) return error instanceof Error ? error.message : String(error);
  const fields = Object.entries(error.fieldErrors ?? {}).map(
    ([field, e]) => `  ${field}: ${translate(locale, e.key, e.params)}`,
  );
  return [translate(locale, `errors.${error.code}`, error.params), ...fields].join('\n');
}
