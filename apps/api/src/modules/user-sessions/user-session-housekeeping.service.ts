import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { UserSessionRepository } from './user-session.repository';

const EVERY_MS = 10 * 60 * 1000;

/**
 * Deletes client-area sessions past either limit (a lookup already refuses them; this keeps the
 * table small). Every api process runs it; the delete is idempotent.
 */
@Injectable()
export class UserSessionHousekeepingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UserSessionHousekeepingService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly sessions: UserSessionRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run().catch((error) => this.logger.warn(`Housekeeping failed: ${error}`)), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async run(): Promise<void> {
    const now = this.clock.nowMs();
    const idleBefore = now - this.config.auth.customerSessionIdleSeconds * 1000;
    await this.transactions.run((manager) => this.sessions.deleteExpired(manager, now, idleBefore));
  }
}
