import { checkPassword } from './check-password';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './limits';

/** Fills n bytes from a cryptographically secure source: Node's crypto.randomBytes, say. */
export type RandomBytes = (n: number) => Uint8Array;

/**
 * Without 0/O, 1/l/I: these passwords are read aloud to customers over the phone. 55 symbols,
 * so 20 of them carry about 115 bits.
 */
const ALPHABET = Array.from('abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789');

// Bytes at or above this would favour the first symbols if taken modulo the alphabet size.
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length);
// A real source fails the policy or has its bytes discarded this often about never; a broken
// one (all 0xff, all zeros) must end in an error, not in an endless loop.
const MAX_ATTEMPTS = 100;
const MAX_BYTES_PER_SYMBOL = 64;

function randomSymbols(randomBytes: RandomBytes, length: number): string {
  let password = '';
  let symbols = 0;
  let drawn = 0;
  while (symbols < length) {
    if (drawn > MAX_BYTES_PER_SYMBOL * length) throw new Error('generatePassword: the random source looks broken');
    // About 14% of bytes are discarded, so twice what is missing nearly always suffices.
    const wanted = 2 * (length - symbols);
    drawn += wanted;
    // Rejection sampling: discard bytes past the last whole multiple of the alphabet size.
    for (const byte of randomBytes(wanted)) {
      if (byte >= UNBIASED_LIMIT) continue;
      password += ALPHABET[byte % ALPHABET.length];
      if (++symbols === length) break;
    }
  }
  return password;
}

/**
 * A random password that passes the policy with its default minimum. The random source comes
 * in as a parameter so this library stays free of Node and browser APIs.
 */
export function generatePassword(randomBytes: RandomBytes, length = 20): string {
  if (!Number.isInteger(length) || length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    throw new RangeError(`length must be an integer from ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH}`);
  }
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const password = randomSymbols(randomBytes, length);
    if (checkPassword(password).ok) return password;
  }
  throw new Error('generatePassword: the random source looks broken');
}
