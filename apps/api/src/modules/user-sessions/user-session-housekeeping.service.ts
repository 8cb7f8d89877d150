import { Injectable } from '@nestjs/common';

import { Clock } from '../../common/time/clock';
import { PeriodicTask } from '../../common/time/periodic-task';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { UserSessionRepository } from './user-session.repository';

/** Deletes client-area sessions past either limit: a lookup already refuses them; this keeps the table small. */
@Injectable()
export class UserSessionHousekeepingService extends PeriodicTask {
  constructor(
    private readonly sessions: UserSessionRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    super(10 * 60 * 1000);
  }

  run(): Promise<void> {
    const now = this.clock.nowMs();
    const idleBefore = now - this.config.auth.customerSessionIdleSeconds * 1000;
    return this.transactions.run((manager) => this.sessions.deleteExpired(manager, now, idleBefore));
  }
}
