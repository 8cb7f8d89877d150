import { dictionary } from '@zxcvbn-ts/language-common';

import { accentFolded, letterCore, repeatedUnit, withoutLeet, withoutSeparators } from './comparable-text';
import { LONG_COMMON_PASSWORDS, SERVICE_WORDS } from './common-passwords';
import { codePointLength } from './limits';

// A word shorter than this hidden in digits ("abc2024…") says too little to refuse the password.
const MIN_HIDDEN_WORD_LENGTH = 4;

let commonPasswords: ReadonlySet<string> | undefined;

/** Built on first use, once per process or page: about 50 000 entries, a few milliseconds. */
function commonPasswordSet(): ReadonlySet<string> {
  if (!commonPasswords) {
    // The zxcvbn list is already lower-case ASCII; only our own entries need folding.
    const set = new Set<string>(dictionary['passwords-common']);
    for (const entry of LONG_COMMON_PASSWORDS) set.add(accentFolded(entry));
    commonPasswords = set;
  }
  return commonPasswords;
}

/** The text, then what is left once repetition and the digits and symbols around it go. */
function strippedForms(text: string): string[] {
  const core = letterCore(text);
  const unit = repeatedUnit(text);
  const coreUnit = repeatedUnit(core);
  return [text, core, unit, letterCore(unit), coreUnit, letterCore(coreUnit)];
}

/**
 * The forms looked up in the list: "Password1234567890", "dragondragondragon",
 * "p@ssw0rdp@ssw0rd" and "!!Dragon!!Dragon!!" all come down to a listed word. A fixed number
 * of forms, each built in O(length), so a check costs O(length) plus a few set lookups.
 */
function lookupForms(folded: string): Set<string> {
  const forms = new Set<string>();
  const bases = [folded, withoutLeet(folded, 'i'), withoutLeet(folded, 'l')];
  for (const base of bases) {
    for (const form of strippedForms(base)) {
      forms.add(form);
      forms.add(withoutLeet(form, 'i'));
      forms.add(withoutLeet(form, 'l'));
    }
  }
  return forms;
}

export function isCommonPassword(password: string): boolean {
  const set = commonPasswordSet();
  const folded = accentFolded(password);
  const squeezed = withoutSeparators(folded);
  if (set.has(folded) || set.has(squeezed)) return true;
  if (SERVICE_WORDS.some((word) => squeezed.includes(word))) return true;
  for (const form of lookupForms(squeezed)) {
    if (codePointLength(form) >= MIN_HIDDEN_WORD_LENGTH && set.has(form)) return true;
  }
  return false;
}
