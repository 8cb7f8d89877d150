import { accentFolded, withoutLeet, withoutSeparators } from './comparable-text';
import { codePointLength } from './limits';

/** What the service knows about the account; a password containing any of it is refused. */
export interface PasswordContext {
  username?: string;
  email?: string;
  /** Display name; each word of it counts too. */
  name?: string;
  /** The customer's key in the client's own systems. */
  clientKey?: string;
  /** Anything else an attacker of this account would try first (company name, city…). */
  otherWords?: readonly string[];
}

// Shorter values ("ana", "li") would refuse too many unrelated passwords.
const MIN_VALUE_LENGTH = 3;
const MIN_WORD_LENGTH = 4;
const WORD_BOUNDARY = /[^\p{L}\p{N}]+/u;

function comparable(text: string): string {
  return withoutSeparators(accentFolded(text));
}

function words(text: string): string[] {
  return accentFolded(text)
    .split(WORD_BOUNDARY)
    .filter((word) => codePointLength(word) >= MIN_WORD_LENGTH);
}

/** "ana.garcia+soporte@example.com" → itself, "ana.garcia+soporte", "ana.garcia", "garcia". */
function emailParts(email: string): string[] {
  const at = email.lastIndexOf('@');
  if (at < 0) return [];
  const local = email.slice(0, at);
  const plus = local.indexOf('+');
  const untagged = plus < 0 ? local : local.slice(0, plus);
  return [local, untagged, ...words(untagged)];
}

function personalTokens(context: PasswordContext): string[] {
  const values = [
    context.username,
    context.email,
    context.name,
    context.clientKey,
    ...(context.otherWords ?? []),
  ].filter((value): value is string => value !== undefined);
  const derived = [
    ...(context.email === undefined ? [] : emailParts(context.email)),
    ...(context.name === undefined ? [] : words(context.name)),
  ];
  const tokens = [...values, ...derived].map(comparable).filter((token) => codePointLength(token) >= MIN_VALUE_LENGTH);
  return [...new Set(tokens)];
}

export function containsPersonalInfo(password: string, context: PasswordContext): boolean {
  const tokens = personalTokens(context);
  if (tokens.length === 0) return false;
  const plain = comparable(password);
  const forms = [plain, withoutLeet(plain, 'i'), withoutLeet(plain, 'l')];
  return tokens.some((token) => forms.some((form) => form.includes(token)));
}
