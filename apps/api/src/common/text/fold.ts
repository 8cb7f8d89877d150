import { fold } from '@keydesk/domain';

/**
 * A LIKE pattern for "contains `text`", to compare with LOWER(column) ... ESCAPE '!'. Folded, as
 * MariaDB's utf8mb4_unicode_ci compares and as the SQLite connection's LOWER folds
 * (data-source-options.ts); '!' escapes the wildcards (a backslash means different things to each).
 */
export function containsPattern(text: string): string {
  return `%${fold(text).replace(/[!%_]/g, '!$&')}%`;
}
