import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { ErrorCode } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import { RateLimitRepository, WindowCount } from './rate-limit.repository';

/** One limit: at most `limit` hits on `key` in a fixed window of `windowSeconds`. */
export interface RateLimit {
  key: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Fixed-window limits kept in the database (several api processes share them). `consume` counts
 * a request and refuses past the limit; `assertUnder` only looks, for limits on failures, which
 * `hit` counts once a failure is known. A refusal is 429 TOO_MANY_REQUESTS with Retry-After.
 */
@Injectable()
export class RateLimiter {
  constructor(
    private readonly counters: RateLimitRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /**
   * Counts one hit on each limit, in order, and refuses at the first one past its limit; the
   * limits after it are not counted (a request refused for its account does not use up the day's).
   */
  async consume(limits: RateLimit[]): Promise<void> {
    const now = this.clock.nowMs();
    const refusal = await this.transactions.run(async (manager) => {
      for (const limit of limits) {
        const count = await this.counters.hit(manager, digest(limit.key), now, limit.windowSeconds * 1000);
        if (count.hits > limit.limit) return refusalOf(limit, count, now);
      }
      return null;
    });
    if (refusal) throw refusal;
  }

  /** Refuses when a limit has already been reached, without counting anything. */
  async assertUnder(limits: RateLimit[]): Promise<void> {
    const now = this.clock.nowMs();
    for (const limit of limits) {
      const count = await this.counters.find(digest(limit.key));
      if (count && count.windowStartedAt > now - limit.windowSeconds * 1000 && count.hits >= limit.limit)
        throw refusalOf(limit, count, now);
    }
  }

  /** Counts one hit on each limit inside the caller's transaction (a failure being recorded). */
  async hit(manager: EntityManager, limits: RateLimit[]): Promise<void> {
    const now = this.clock.nowMs();
    for (const limit of limits) await this.counters.hit(manager, digest(limit.key), now, limit.windowSeconds * 1000);
  }
}

function refusalOf(limit: RateLimit, count: WindowCount, now: number): DomainError {
  const seconds = Math.max(1, Math.ceil((count.windowStartedAt + limit.windowSeconds * 1000 - now) / 1000));
  return new DomainError(ErrorCode.TooManyRequests, { seconds }, undefined, seconds);
}

function digest(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
