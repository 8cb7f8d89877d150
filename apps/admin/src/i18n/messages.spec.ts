import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  ALL_ACTIVITY_ACTIONS,
  ALL_ASSURED_ACTIONS,
  ALL_PERMISSIONS,
  ApprovalFlagKind,
  MessageAuthorType,
  VerificationAddressKind,
  VerificationMethod,
} from '@keydesk/domain';
import { describe, expect, it } from 'vitest';

import {
  activityActionKey,
  APPROVAL_STATE_CHOICES,
  ASSURED_ACTION_CHOICES,
  CLIENT_STATUS_CHOICES,
  CLIENT_USER_PERMISSION_CHOICES,
  LANGUAGE_CHOICES,
  PERMISSION_CHOICES,
  STAFF_STATUS_CHOICES,
  TICKET_DEPARTMENT_CHOICES,
  TICKET_PRIORITY_CHOICES,
  TICKET_STATUS_CHOICES,
  USER_STATUS_CHOICES,
} from './choices';
import { englishMessages } from './en';
import { spanishMessages } from './es';

type Messages = Record<string, unknown>;

const SOURCE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** "ra.action.add" → its text, for every leaf; a leaf that is not a string is reported as such. */
function flatten(messages: Messages, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) {
      for (const [leafPath, leaf] of flatten(value as Messages, path)) leaves.set(leafPath, leaf);
    } else {
      leaves.set(path, value);
    }
  }
  return leaves;
}

const languages = { en: flatten(englishMessages), es: flatten(spanishMessages) };

function placeholders(text: string): string[] {
  return [...text.matchAll(/%\{(\w+)\}/g)].map((match) => match[1]).sort();
}

describe('translations', () => {
  it.each([
    ['es', 'en'],
    ['en', 'es'],
  ] as const)('every key of %s exists in %s', (from, to) => {
    const missing = [...languages[from].keys()].filter((key) => !languages[to].has(key));
    expect(missing, `keys missing in ${to}`).toEqual([]);
  });

  it.each(['en', 'es'] as const)('%s has no empty or non-text message', (language) => {
    const bad = [...languages[language]].filter(([, text]) => typeof text !== 'string' || text.length === 0);
    expect(
      bad.map(([key]) => key),
      `empty messages in ${language}`,
    ).toEqual([]);
  });

  it('uses the same placeholders and plural forms in both languages', () => {
    const mismatched = [...languages.en]
      .filter(([key]) => languages.es.has(key))
      .filter(([key, english]) => {
        const spanish = String(languages.es.get(key));
        const text = String(english);
        const samePlaceholders = placeholders(text).join() === placeholders(spanish).join();
        const samePlurals = text.split('||||').length === spanish.split('||||').length;
        return !samePlaceholders || !samePlurals;
      })
      .map(([key]) => key);
    expect(mismatched, 'messages whose placeholders or plural forms differ').toEqual([]);
  });

  it('names every permission of the catalogue and every staff status', () => {
    expect(PERMISSION_CHOICES.map((choice) => choice.id)).toEqual([...ALL_PERMISSIONS]);
    expectLabels([...PERMISSION_CHOICES, ...STAFF_STATUS_CHOICES].map((choice) => choice.name));
  });

  it('names every value of the customer side: statuses, languages, rights, ticket settings', () => {
    const choices = [
      ...CLIENT_STATUS_CHOICES,
      ...USER_STATUS_CHOICES,
      ...LANGUAGE_CHOICES,
      ...CLIENT_USER_PERMISSION_CHOICES,
      ...TICKET_STATUS_CHOICES,
      ...TICKET_PRIORITY_CHOICES,
      ...TICKET_DEPARTMENT_CHOICES,
    ];
    const authors = Object.values(MessageAuthorType).map((type) => `keydesk.tickets.author_type.${type}`);
    expectLabels([...choices.map((choice) => choice.name), ...authors]);
  });

  // An approval names its action, its state and what the decider should weigh; a verification, how and where.
  it('names every assured action, approval state and flag, and every verification method and address', () => {
    expect(ASSURED_ACTION_CHOICES.map((choice) => choice.id)).toEqual([...ALL_ASSURED_ACTIONS]);
    expectLabels([
      ...[...ASSURED_ACTION_CHOICES, ...APPROVAL_STATE_CHOICES].map((choice) => choice.name),
      ...Object.values(ApprovalFlagKind).map((kind) => `keydesk.approvals.flags.${kind}`),
      ...Object.values(VerificationMethod).map((method) => `keydesk.verification.methods.${method}`),
      ...Object.values(VerificationAddressKind).map((kind) => `keydesk.verification.kinds.${kind}`),
    ]);
  });

  // The Log tab shows every audit entry: an action without words would show its raw value.
  it('names every activity action', () => {
    expectLabels(ALL_ACTIVITY_ACTIONS.map(activityActionKey));
  });
});

function expectLabels(keys: string[]): void {
  for (const language of ['en', 'es'] as const) {
    const missing = keys.filter((key) => !languages[language].has(key));
    expect(missing, `labels missing in ${language}`).toEqual([]);
  }
}

// A key in the wrong place still exists in both languages; what matters is that the screens find it.
describe('the keys the screens use', () => {
  // Strings shaped like keys that are not messages: storage keys (the language, a dismissed notice).
  const notMessages = new Set(['keydesk.locale', 'keydesk.two_factor_notice']);
  const sources = readdirSync(SOURCE_DIR, { recursive: true, encoding: 'utf8' }).filter(
    (file) => /\.tsx?$/.test(file) && !file.startsWith('i18n') && !file.endsWith('.spec.ts'),
  );
  const used = sources.flatMap((file) =>
    [...readFileSync(join(SOURCE_DIR, file), 'utf8').matchAll(/['"`]((?:keydesk|resources)\.[\w.-]*\w)['"`]/g)].map(
      (match) => match[1],
    ),
  );

  it.each(['en', 'es'] as const)('are all in %s', (language) => {
    const keys = [...languages[language].keys()];
    // A key that only starts messages (`${prefix}.${value}`) is a prefix, its values checked above.
    const found = (key: string) => languages[language].has(key) || keys.some((leaf) => leaf.startsWith(`${key}.`));
    const missing = [...new Set(used)].filter((key) => !notMessages.has(key) && !found(key));
    expect(missing, `keys used by the screens but missing in ${language}`).toEqual([]);
  });
});
