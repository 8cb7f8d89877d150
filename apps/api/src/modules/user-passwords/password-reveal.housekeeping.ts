import { Injectable } from '@nestjs/common';

import { Clock } from '../../common/time/clock';
import { PeriodicTask } from '../../common/time/periodic-task';
import { TransactionRunner } from '../../database/transaction-runner';
import { PasswordRevealRepository } from './password-reveal.repository';

/** Wipes the sealed passwords of view-once links nobody opened before they expired: they can no longer be shown. */
@Injectable()
export class PasswordRevealHousekeeping extends PeriodicTask {
  constructor(
    private readonly reveals: PasswordRevealRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {
    super(10 * 60 * 1000);
  }

  run(): Promise<void> {
    return this.transactions.run((manager) => this.reveals.wipeExpired(manager, this.clock.nowMs()));
  }
}
