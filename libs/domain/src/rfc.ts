/**
 * The Mexican RFC (Registro Federal de Contribuyentes), the client key of Mexican clients:
 * 12 characters for companies (3 letters), 13 for persons (4 letters), then the date
 * (YYMMDD), a two-character homoclave and a check digit computed by SAT's modulo-11 rule.
 */
const RFC_PATTERN = /^([A-ZÑ&]{3,4})(\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([A-Z\d]{2})([A\d])$/;
const CHECK_ALPHABET = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';

export function normalizeRfc(value: string): string {
  return value.trim().toUpperCase().replace(/[\s-]/g, '');
}

/** The check digit of the first 11 (company) or 12 (person) characters. */
export function rfcCheckDigit(withoutDigit: string): string {
  // Company RFCs are one letter shorter; SAT pads them on the left with a space.
  const padded = withoutDigit.length === 11 ? ` ${withoutDigit}` : withoutDigit;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Math.max(0, CHECK_ALPHABET.indexOf(padded[i])) * (13 - i);
  const digit = 11 - (sum % 11);
  return digit === 11 ? '0' : digit === 10 ? 'A' : String(digit);
}

export function isValidRfc(value: string): boolean {
  const rfc = normalizeRfc(value);
  if (!RFC_PATTERN.test(rfc)) return false;
  return rfcCheckDigit(rfc.slice(0, -1)) === rfc.slice(-1);
}

/** Other countries' keys (NIT, CIF...) are checked for shape only: letters, digits, 3 to 13. */
export function isValidClientKey(value: string, country: string): boolean {
  if (country === 'MX') return isValidRfc(value);
  return /^[A-Z0-9]{3,13}$/.test(normalizeRfc(value));
}
