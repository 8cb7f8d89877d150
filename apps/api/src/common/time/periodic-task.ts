import { Inject, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { DatabaseAvailability } from '../../database/database-availability';

/**
 * Housekeeping that every api process runs on a timer (deleting or wiping what has expired). The
 * work must be idempotent, since several processes may run it at once; a failure is logged and
 * tried again next time (a database outage is logged once, by DatabaseAvailability). The timer does not keep the process alive.
 */
export abstract class PeriodicTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;
  // A property, so that the tasks' own constructors need not pass it along.
  @Inject(DatabaseAvailability) private readonly availability!: DatabaseAvailability;

  protected constructor(private readonly everyMs: number) {}

  abstract run(): Promise<void>;

  onApplicationBootstrap(): void {
    const failed = (error: unknown) =>
      this.availability.noteFailure(error) || this.logger.warn(`Housekeeping failed: ${error}`);
    this.timer = setInterval(() => void this.run().catch(failed), this.everyMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
