import { describe, expect, it } from 'vitest';

import { isValidClientKey, isValidRfc, rfcCheckDigit } from './rfc';

describe('RFC', () => {
  it('accepts published company and person RFCs', () => {
    // SAT's own and well-known public RFCs.
    for (const rfc of ['SAT970701NN3', 'CFE370814QI0', 'GODE561231GR8']) {
      expect(isValidRfc(rfc)).toBe(true);
    }
    expect(isValidRfc('sat970701nn3')).toBe(true);
  });

  it('refuses a wrong check digit, a bad date and a bad shape', () => {
    expect(isValidRfc('SAT970701NN4')).toBe(false);
    expect(isValidRfc('SAT971301NN3')).toBe(false);
    expect(isValidRfc('SA970701NN3')).toBe(false);
    expect(isValidRfc('')).toBe(false);
  });

  it('computes the digit that makes a key valid', () => {
    expect(rfcCheckDigit('SAT970701NN')).toBe('3');
    const person = `LOPA800101AB`;
    expect(isValidRfc(person + rfcCheckDigit(person))).toBe(true);
  });

  it('checks other countries by shape only', () => {
    expect(isValidClientKey('900123456', 'CO')).toBe(true);
    expect(isValidClientKey('x', 'CO')).toBe(false);
    expect(isValidClientKey('900123456', 'MX')).toBe(false);
  });
});
