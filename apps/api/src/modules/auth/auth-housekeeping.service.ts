import { Injectable } from '@nestjs/common';

import { Clock } from '../../common/time/clock';
import { PeriodicTask } from '../../common/time/periodic-task';
import { TransactionRunner } from '../../database/transaction-runner';
import { AppConfig } from '../../config/app.config';
import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { StaffSessionRepository } from './staff-session.repository';

const EVERY_MS = 10 * 60 * 1000;
const THROTTLE_ROW_TTL_MS = 24 * 60 * 60 * 1000;
/**
 * Ended sessions stay a day, so a request after a limit still finds its session and answers
 * "session expired" (and logs it) rather than a bare "not signed in".
 */
const SESSION_ROW_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes sessions long past expiry and throttle counters nobody touched for a day. Every api
 * process runs it; the deletes are idempotent, so several at once do no harm.
 */
@Injectable()
export class AuthHousekeepingService extends PeriodicTask {
  constructor(
    private readonly sessions: StaffSessionRepository,
    private readonly throttle: SignInThrottleRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    super(EVERY_MS);
  }

  async run(): Promise<void> {
    const now = this.clock.nowMs();
    await this.transactions.run(async (manager) => {
      const idleMs = this.config.auth.sessionIdleSeconds * 1000;
      await this.sessions.deleteEnded(manager, now - SESSION_ROW_GRACE_MS, now - idleMs - SESSION_ROW_GRACE_MS);
      await this.throttle.deleteStale(manager, now - THROTTLE_ROW_TTL_MS);
    });
  }
}
