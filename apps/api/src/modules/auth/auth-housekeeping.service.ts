import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { Clock } from '../../common/time/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import { SESSION_ROW_GRACE_MS } from './database-session.store';
import { SessionRepository } from './session.repository';
import { SignInThrottleRepository } from './sign-in-throttle.repository';

const EVERY_MS = 10 * 60 * 1000;
const THROTTLE_ROW_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes sessions long past expiry and throttle counters nobody touched for a day. Every api
 * process runs it; the deletes are idempotent, so several at once do no harm.
 */
@Injectable()
export class AuthHousekeepingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuthHousekeepingService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly sessions: SessionRepository,
    private readonly throttle: SignInThrottleRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
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
    await this.transactions.run(async (manager) => {
      await this.sessions.deleteExpired(manager, now - SESSION_ROW_GRACE_MS);
      await this.throttle.deleteStale(manager, now - THROTTLE_ROW_TTL_MS);
    });
  }
}
