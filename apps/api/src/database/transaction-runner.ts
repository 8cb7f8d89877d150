import { setTimeout as sleep } from 'node:timers/promises';

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** How often a transaction chosen as a deadlock victim is run again before the error stands. */
const DEADLOCK_RETRIES = 4;

/**
 * Runs one use case in one transaction. TypeORM's SQLite drivers share a single connection, so
 * two overlapping transactions would nest as savepoints of each other; on SQLite they queue here.
 * MySQL/MariaDB transactions run concurrently on pooled connections, and InnoDB may roll one
 * back as a deadlock victim (two `SELECT … FOR UPDATE` of missing keys in one gap, then both
 * insert): the victim's work is undone whole, so it is run again, as MySQL's manual asks.
 * A use case's work must therefore keep its effects inside the transaction (mail goes through
 * the outbox), which every caller does.
 */
@Injectable()
export class TransactionRunner {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly serialize: boolean;

  constructor(private readonly dataSource: DataSource) {
    this.serialize = dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialize) return this.retryingDeadlocks(work);
    const result = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = result.catch(() => undefined);
    return result;
  }

  get dialect(): 'sqlite' | 'mysql' {
    return this.serialize ? 'sqlite' : 'mysql';
  }

  private async retryingDeadlocks<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (!isDeadlock(error) || attempt > DEADLOCK_RETRIES) throw error;
        // A random pause, so the transactions that collided do not collide again in step.
        await sleep(Math.floor(Math.random() * 10 * attempt) + 1);
      }
    }
  }
}

function isDeadlock(error: unknown): boolean {
  const driverError = (error as { driverError?: { errno?: number } } | null)?.driverError;
  return driverError?.errno === 1213;
}
