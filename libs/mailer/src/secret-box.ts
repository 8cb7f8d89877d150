import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/**
 * The format's version leads every sealed value, so a later format (another cipher, a key id for
 * rotation) can be read beside this one instead of mistaken for it.
 */
const VERSION = 'v1';

/**
 * Authenticated encryption for the secrets of a queued mail (a reset link, a password, a code)
 * while they wait in the database: AES-256-GCM with a random 96-bit nonce per value (NIST SP
 * 800-38D), so whoever reads the table reads neither the secrets nor can alter them unnoticed.
 * Sealed values look like `v1.<nonce>.<ciphertext>.<tag>`, each part base64url.
 *
 * `context` (GCM's additional data) binds a value to where it belongs: opened with another context,
 * such as the same ciphertext copied onto a row with another recipient, it fails.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error(`SecretBox needs a ${KEY_BYTES}-byte key, got ${key.length} bytes`);
    // A copy: the caller's buffer may be reused or zeroed.
    this.key = Buffer.from(key);
  }

  seal(plaintext: string, context = ''): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, nonce, ciphertext, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** Throws on a foreign format, a wrong key, a wrong context or any change to the value. */
  open(sealed: string, context = ''): string {
    const parts = sealed.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('SecretBox: not a sealed value of a known version');
    const [nonce, ciphertext, tag] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
    if (nonce.length !== NONCE_BYTES || tag.length !== TAG_BYTES) throw new Error('SecretBox: malformed sealed value');
    const decipher = createDecipheriv(ALGORITHM, this.key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new Error('SecretBox: the value was altered, or sealed with another key or context', { cause: error });
    }
  }
}
