import { fold } from '@keydesk/domain';

/**
 * How clients become searchable: every name, email, key and phone is cut into lower-case,
 * accent-free words; a search matches a client when each word typed is the start of one of its
 * words. Both sides use the same rules, so "Peña" finds "pena" and "ana.lopez@" finds the email.
 */

const MAX_TERM_LENGTH = 100;
const MAX_TERMS_PER_CLIENT = 300;

/** Words of a name, a company, a key or an email (the whole address and its parts). */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const token of fold(text).split(/[^a-z0-9@._+&-]+/)) {
    if (!token) continue;
    if (token.includes('@')) words.push(token);
    words.push(...token.split(/[@._+&-]+/).filter(Boolean));
  }
  return words;
}

/** Phone numbers are found by their digits, whatever spacing or symbols were typed. */
export function phoneTerms(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  if (!digits) return [];
  // "+52 55 1234 5678" is searched as 525512345678 or as the national 5512345678.
  return digits.length > 10 ? [digits, digits.slice(-10)] : [digits];
}

export interface SearchableClient {
  clientKey: string;
  companyName: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  people: ReadonlyArray<{ firstName: string; lastName: string; email: string }>;
}

/** A name as one string of folded words ("Peña-Núñez, José" → "pena nunez jose"). */
export function phraseOf(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function termsOf(client: SearchableClient): string[] {
  const terms = new Set<string>([fold(client.clientKey), ...phoneTerms(client.phone)]);
  const people = [client, ...client.people];
  const texts = [client.companyName];
  for (const person of people) texts.push(person.firstName, person.lastName, person.email);
  for (const text of texts) for (const word of wordsOf(text)) terms.add(word.slice(0, MAX_TERM_LENGTH));
  // Whole names too, so "ortiz ruiz" or "jose pena" is one index range, not two large ones to
  // intersect (see ClientRepository.search).
  const phrases = [client.companyName, ...people.flatMap((p) => [`${p.firstName} ${p.lastName}`, p.lastName])];
  for (const phrase of phrases.map(phraseOf)) if (phrase.includes(' ')) terms.add(phrase.slice(0, MAX_TERM_LENGTH));
  return [...terms].slice(0, MAX_TERMS_PER_CLIENT);
}

/** The search box as one phrase, when it is several plain words (not a phone or an email). */
export function queryPhrase(query: string): string | undefined {
  if (query.includes('@') || /^[\d\s()+.-]+$/.test(query.trim())) return undefined;
  const phrase = phraseOf(query).slice(0, MAX_TERM_LENGTH);
  return phrase.includes(' ') ? phrase : undefined;
}

/**
 * The words of a search box. A query of digits and phone punctuation is one phone number; an
 * email-like word is kept whole (its parts would add nothing); other words split as names do.
 */
export function queryWords(query: string): string[] {
  const trimmed = query.trim();
  if (/^[\d\s()+.-]+$/.test(trimmed) && /\d{3}/.test(trimmed.replace(/\D/g, ''))) {
    return [trimmed.replace(/\D/g, '')];
  }
  const words: string[] = [];
  for (const token of fold(trimmed).split(/[^a-z0-9@._+&-]+/)) {
    if (!token) continue;
    if (token.includes('@')) words.push(token);
    else words.push(...token.split(/[._+&-]+/).filter(Boolean));
  }
  return [...new Set(words.map((w) => w.slice(0, MAX_TERM_LENGTH)))].slice(0, 8);
}

/** The exclusive upper bound of a prefix range: every term starting with `prefix` sorts below it. */
export function prefixEnd(prefix: string): string {
  return `${prefix}\uffff`;
}
