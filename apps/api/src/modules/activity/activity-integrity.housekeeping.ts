import { Injectable } from '@nestjs/common';

import { PeriodicTask } from '../../common/time/periodic-task';
import { ActivityIntegrityService } from './activity-integrity.service';

/** A walk of the whole chain is kept this long before the next one (the screen shows the last). */
const VERIFY_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Every hour: archives entries past ACTIVITY_RETENTION_DAYS (several processes may run it, the
 * chain head serializes them), and walks the chain when the last walk is six hours old.
 */
@Injectable()
export class ActivityIntegrityHousekeeping extends PeriodicTask {
  constructor(private readonly integrity: ActivityIntegrityService) {
    super(60 * 60 * 1000);
  }

  async run(): Promise<void> {
    await this.integrity.archiveExpired();
    await this.integrity.verifyIfOlderThan(VERIFY_EVERY_MS);
  }
}
