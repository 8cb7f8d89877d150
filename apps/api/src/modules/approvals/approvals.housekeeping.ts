import { Injectable } from '@nestjs/common';

import { PeriodicTask } from '../../common/time/periodic-task';
import { ApprovalsService } from './approvals.service';

/** Every minute: requests nobody decided in a day, and approvals nobody used in time, expire (an entry each). */
@Injectable()
export class ApprovalsHousekeeping extends PeriodicTask {
  constructor(private readonly approvals: ApprovalsService) {
    super(60 * 1000);
  }

  async run(): Promise<void> {
    await this.approvals.expireOverdue();
  }
}
