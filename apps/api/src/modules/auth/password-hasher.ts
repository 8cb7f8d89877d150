import { randomBytes } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { Algorithm, hash, parseOptions, verify } from '@node-rs/argon2';

import { ErrorCode, PASSWORD_MAX_BYTES, utf8ByteLength } from '@keydesk/domain';

import { AppConfig } from '../../config/app.config';
import { Limiter, LimiterFullError } from '../../common/concurrency/limiter';
import { DomainError } from '../../common/errors/domain-error';

/** OWASP Password Storage cheat sheet, argon2id: m = 19 MiB, t = 2, p = 1; 16-byte salt. */
export const ARGON2_PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, saltLength: 16 } as const;
// A const enum in the package's types; spelled out so transpilers without type information agree.
const ARGON2ID = 2 as Algorithm;

/**
 * Hashes and verifies staff and customer passwords. Inputs over 1 KiB are refused before any
 * work; passwords are NFKC-normalised (NIST 800-63B) so the same typed text always matches.
 */
@Injectable()
export class PasswordHasher {
  private readonly limiter: Limiter;
  private dummyHash?: Promise<string>;

  constructor(config: AppConfig) {
    this.limiter = new Limiter(config.auth.hashConcurrency, config.auth.hashQueueLimit);
  }

  async hash(password: string): Promise<string> {
    const input = this.prepare(password);
    return this.limited(() =>
      hash(input, {
        algorithm: ARGON2ID,
        memoryCost: ARGON2_PARAMS.memoryCost,
        timeCost: ARGON2_PARAMS.timeCost,
        parallelism: ARGON2_PARAMS.parallelism,
        salt: randomBytes(ARGON2_PARAMS.saltLength),
      }),
    );
  }

  async verify(storedHash: string, password: string): Promise<boolean> {
    const input = this.prepare(password);
    return this.limited(() => verify(storedHash, input).catch(() => false));
  }

  /** Same work as a real check, for unknown names, so timing does not tell whether a name exists. */
  async verifyAgainstDummy(password: string): Promise<false> {
    this.dummyHash ??= this.hash('keydesk-dummy-password-for-unknown-names');
    await this.verify(await this.dummyHash, password);
    return false;
  }

  needsRehash(storedHash: string): boolean {
    try {
      const stored = parseOptions(storedHash);
      return (
        stored.algorithm !== ARGON2ID ||
        stored.memoryCost < ARGON2_PARAMS.memoryCost ||
        stored.timeCost < ARGON2_PARAMS.timeCost ||
        stored.saltLen < ARGON2_PARAMS.saltLength
      );
    } catch {
      return true;
    }
  }

  private prepare(password: string): string {
    if (utf8ByteLength(password) > PASSWORD_MAX_BYTES) {
      throw new DomainError(ErrorCode.PasswordTooLong, { bytes: PASSWORD_MAX_BYTES });
    }
    return password.normalize('NFKC');
  }

  private async limited<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await this.limiter.run(task);
    } catch (error) {
      if (error instanceof LimiterFullError) throw new DomainError(ErrorCode.ServiceBusy, {}, undefined, 1);
      throw error;
    }
  }
}
