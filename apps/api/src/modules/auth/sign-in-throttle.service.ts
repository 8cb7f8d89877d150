import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { ErrorCode, SIGN_IN_THROTTLE } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import { SignInThrottleEntity } from './sign-in-throttle.entity';
import { SignInThrottleRepository } from './sign-in-throttle.repository';

const T = SIGN_IN_THROTTLE;
/** A run of blocks is forgotten after this long without failures, so the delay starts small again. */
const BLOCK_MEMORY_MS = 60 * 60 * 1000;

export interface ThrottleKeys {
  nameAndIp: string;
  name: string;
}

export interface FailureOutcome {
  /** This failure started a lockout of the name. */
  lockedOut: boolean;
}

/**
 * Two counters per attempt (OWASP Authentication cheat sheet):
 * - name + IP: 5 failures in a minute answer 429 with Retry-After; each further block in a row
 *   doubles, up to 15 minutes;
 * - name alone (any IP): 20 failures in 15 minutes lock the name for 15 minutes. The lockout ends
 *   by itself and never applies from an address the staff member signed in from before, so an
 *   attacker elsewhere cannot shut the real person out.
 * Names are counted whether or not they exist, so a lockout says nothing about existence.
 */
@Injectable()
export class SignInThrottleService {
  constructor(
    private readonly repository: SignInThrottleRepository,
    private readonly clock: Clock,
  ) {}

  keysFor(username: string, ip: string): ThrottleKeys {
    const name = username.trim().toLowerCase();
    return { nameAndIp: digest(`name-ip:${name}|${ip}`), name: digest(`name:${name}`) };
  }

  /** Throws 429 before any password work when the name+IP is blocked or the name locked. */
  async assertAllowed(keys: ThrottleKeys, knownIpForStaff: () => Promise<boolean>): Promise<void> {
    const now = this.clock.nowMs();
    const rows = await this.repository.find([keys.nameAndIp, keys.name]);
    const pair = rows.find((r) => r.throttleKey === keys.nameAndIp);
    if (pair?.blockedUntil && pair.blockedUntil > now) {
      throw new DomainError(
        ErrorCode.TooManyAttempts,
        { seconds: secondsUntil(pair.blockedUntil, now) },
        undefined,
        secondsUntil(pair.blockedUntil, now),
      );
    }
    const name = rows.find((r) => r.throttleKey === keys.name);
    if (name?.blockedUntil && name.blockedUntil > now && !(await knownIpForStaff())) {
      const seconds = secondsUntil(name.blockedUntil, now);
      throw new DomainError(ErrorCode.AccountLocked, { minutes: Math.ceil(seconds / 60) }, undefined, seconds);
    }
  }

  async recordFailure(manager: EntityManager, keys: ThrottleKeys): Promise<FailureOutcome> {
    const now = this.clock.nowMs();
    await this.count(manager, keys.nameAndIp, now, T.windowSeconds, T.failuresPerNameAndIp, (row) =>
      Math.min(T.firstBlockSeconds * 2 ** row.blockCount, T.maxBlockSeconds),
    );
    const lockedOut = await this.count(
      manager,
      keys.name,
      now,
      T.lockoutWindowSeconds,
      T.lockoutFailures,
      () => T.lockoutSeconds,
    );
    return { lockedOut };
  }

  async recordSuccess(manager: EntityManager, keys: ThrottleKeys): Promise<void> {
    await this.repository.clear(manager, [keys.nameAndIp, keys.name]);
  }

  /** Lifts a lockout of the name (its password was just set by an administrator). */
  async clearName(manager: EntityManager, username: string): Promise<void> {
    await this.repository.clear(manager, [this.keysFor(username, '').name]);
  }

  /** When each name's lockout ends, for names locked now. */
  async lockedUntil(usernames: string[]): Promise<Map<string, number>> {
    const now = this.clock.nowMs();
    const byKey = new Map(usernames.map((name) => [this.keysFor(name, '').name, name]));
    const rows = byKey.size ? await this.repository.find([...byKey.keys()]) : [];
    return new Map(
      rows
        .filter((row) => row.blockedUntil !== null && row.blockedUntil > now)
        .map((row) => [byKey.get(row.throttleKey)!, row.blockedUntil!]),
    );
  }

  /** Counts one failure in a fixed window; returns true when this failure starts a block. */
  private async count(
    manager: EntityManager,
    key: string,
    now: number,
    windowSeconds: number,
    limit: number,
    blockSeconds: (row: SignInThrottleEntity) => number,
  ): Promise<boolean> {
    const row = (await this.repository.findForUpdate(manager, key)) ?? fresh(key, now);
    if (now - row.windowStartedAt >= windowSeconds * 1000) {
      row.failures = 0;
      row.windowStartedAt = now;
    }
    if (row.blockedUntil !== null && now - row.blockedUntil > BLOCK_MEMORY_MS) row.blockCount = 0;
    row.failures += 1;
    row.updatedAt = now;
    let blocked = false;
    if (row.failures >= limit && (row.blockedUntil === null || row.blockedUntil <= now)) {
      row.blockedUntil = now + blockSeconds(row) * 1000;
      row.blockCount += 1;
      row.failures = 0;
      row.windowStartedAt = now;
      blocked = true;
    }
    await this.repository.save(manager, row);
    return blocked;
  }
}

function fresh(key: string, now: number): SignInThrottleEntity {
  return Object.assign(new SignInThrottleEntity(), {
    throttleKey: key,
    failures: 0,
    windowStartedAt: now,
    blockedUntil: null,
    blockCount: 0,
    updatedAt: now,
  });
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function secondsUntil(until: number, now: number): number {
  return Math.max(1, Math.ceil((until - now) / 1000));
}
