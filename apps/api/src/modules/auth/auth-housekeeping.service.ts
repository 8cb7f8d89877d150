import { Injectable } from '@nestjs/common';

import { Clock } from '../../common/time/clock';
import { PeriodicTask } from '../../common/time/periodic-task';
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
export class AuthHousekeepingService extends PeriodicTask {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly throttle: SignInThrottleRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {
    super(EVERY_MS);
  }

  async run(): Promise<void> {
    const now = this.clock.nowMs();
    await this.transactions.run(async (manager) => {
      await this.sessions.deleteExpired(manager, now - SESSION_ROW_GRACE_MS);
      await this.throttle.deleteStale(manager, now - THROTTLE_ROW_TTL_MS);
    });
  }
}
