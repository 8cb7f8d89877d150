import { Injectable } from '@nestjs/common';

import { Clock } from '../../common/time/clock';
import { PeriodicTask } from '../../common/time/periodic-task';
import { TransactionRunner } from '../../database/transaction-runner';
import { RateLimitRepository } from './rate-limit.repository';

/** The longest window in use is a day; counters older than two days are dropped. */
const KEEP_MS = 2 * 24 * 60 * 60 * 1000;

@Injectable()
export class RateLimitHousekeeping extends PeriodicTask {
  constructor(
    private readonly counters: RateLimitRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {
    super(60 * 60 * 1000);
  }

  run(): Promise<void> {
    return this.transactions.run((manager) => this.counters.deleteStale(manager, this.clock.nowMs() - KEEP_MS));
  }
}
