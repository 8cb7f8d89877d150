import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * Housekeeping that every api process runs on a timer (deleting or wiping what has expired). The
 * work must be idempotent, since several processes may run it at once; a failure is logged and
 * tried again next time. The timer does not keep the process alive.
 */
export abstract class PeriodicTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;

  protected constructor(private readonly everyMs: number) {}

  abstract run(): Promise<void>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run().catch((error) => this.logger.warn(`Housekeeping failed: ${error}`)), this.everyMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
