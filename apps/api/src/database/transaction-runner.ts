import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs one use case in one transaction. TypeORM's SQLite drivers share a single connection, so
 * two overlapping transactions would nest as savepoints of each other; on SQLite they queue here.
 * MySQL/MariaDB transactions run concurrently on pooled connections.
 */
@Injectable()
export class TransactionRunner {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly serialize: boolean;

  constructor(private readonly dataSource: DataSource) {
    this.serialize = dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialize) return this.dataSource.transaction(work);
    const result = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = result.catch(() => undefined);
    return result;
  }

  get dialect(): 'sqlite' | 'mysql' {
    return this.serialize ? 'sqlite' : 'mysql';
  }
}
