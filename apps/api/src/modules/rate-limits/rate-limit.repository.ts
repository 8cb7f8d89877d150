import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, LessThan } from 'typeorm';

import { RateLimitEntity } from './rate-limit.entity';

export interface WindowCount {
  hits: number;
  windowStartedAt: number;
}

@Injectable()
export class RateLimitRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Counts one hit in one statement: a new key starts at 1, a window that has run out starts
   * again at 1. No read-then-write, so concurrent hits from several processes are never lost.
   * MySQL assigns left to right (hits first, while window_started_at is still the old one);
   * SQLite reads old values throughout: both give the same result.
   */
  async hit(manager: EntityManager, key: string, now: number, windowMs: number): Promise<WindowCount> {
    const staleBefore = now - windowMs;
    if (manager.connection.options.type === 'better-sqlite3') {
      await manager.query(
        `INSERT INTO rate_limits (limit_key, window_started_at, hits, updated_at) VALUES (?, ?, 1, ?)
         ON CONFLICT (limit_key) DO UPDATE SET
           hits = CASE WHEN window_started_at <= ? THEN 1 ELSE hits + 1 END,
           window_started_at = CASE WHEN window_started_at <= ? THEN excluded.window_started_at ELSE window_started_at END,
           updated_at = excluded.updated_at`,
        [key, now, now, staleBefore, staleBefore],
      );
    } else {
      await manager.query(
        `INSERT INTO rate_limits (limit_key, window_started_at, hits, updated_at) VALUES (?, ?, 1, ?)
         ON DUPLICATE KEY UPDATE
           hits = IF(window_started_at <= ?, 1, hits + 1),
           window_started_at = IF(window_started_at <= ?, VALUES(window_started_at), window_started_at),
           updated_at = VALUES(updated_at)`,
        [key, now, now, staleBefore, staleBefore],
      );
    }
    return (await this.find(key, manager))!;
  }

  async find(key: string, manager: EntityManager = this.dataSource.manager): Promise<WindowCount | null> {
    const row = await manager.getRepository(RateLimitEntity).findOneBy({ limitKey: key });
    return row ? { hits: row.hits, windowStartedAt: row.windowStartedAt } : null;
  }

  /** Counters untouched for longer than any window hold nothing that still limits anyone. */
  async deleteStale(manager: EntityManager, before: number): Promise<void> {
    await manager.getRepository(RateLimitEntity).delete({ updatedAt: LessThan(before) });
  }
}
