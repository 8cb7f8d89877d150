import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Driver codes that say the database could not be reached, not that a statement was wrong. */
const UNREACHABLE_CODES = new Set([
  // mysql2 and the sockets under it
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  // better-sqlite3: another process holds the file, or the disk failed
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
]);

/** How often an outage is probed, and what a client is told to wait. */
const PROBE_MS = 1000;
export const RETRY_AFTER_SECONDS = 5;

/**
 * Knows whether the database is down, for the log's sake only: an outage is one line when it
 * starts and one when a probe finds the database again, instead of a stack trace per request
 * (or per housekeeping run). Answers are not cached here: every request still asks the database,
 * so the first request after it is back succeeds.
 */
@Injectable()
export class DatabaseAvailability implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private downSince: number | null = null;
  private probe?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {}

  /** True (and the outage noted) when `error` is the database being out of reach. */
  noteFailure(error: unknown): boolean {
    const code = unreachableCode(error);
    if (!code) return false;
    if (this.downSince === null) {
      this.downSince = Date.now();
      this.logger.warn(`Database unreachable (${code}); answering 503 until it answers again`);
      this.scheduleProbe();
    }
    return true;
  }

  onApplicationShutdown(): void {
    clearTimeout(this.probe);
  }

  private scheduleProbe(): void {
    this.probe = setTimeout(() => void this.check(), PROBE_MS);
    this.probe.unref();
  }

  private async check(): Promise<void> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      return this.scheduleProbe();
    }
    const seconds = Math.round((Date.now() - this.downSince!) / 1000);
    this.downSince = null;
    this.logger.log(`Database reachable again after about ${seconds} s`);
  }
}

/** The code of an unreachable-database error, looking through TypeORM's and Node's wrappers. */
function unreachableCode(error: unknown): string | undefined {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 4; depth += 1) {
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code && (UNREACHABLE_CODES.has(code) || code.startsWith('SQLITE_IOERR'))) return code;
    // mysql2 marks errors that ended the connection as fatal (a closed connection's next command).
    if (e.fatal === true) return code ?? 'connection closed';
    e = (e.driverError ?? e.cause) as Record<string, unknown> | undefined;
  }
  return undefined;
}
