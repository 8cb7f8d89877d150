import { Injectable } from '@nestjs/common';

import { PeriodicTask } from '../../common/time/periodic-task';
import { ActivityIntegrityService } from './activity-integrity.service';

/** Archives entries past ACTIVITY_RETENTION_DAYS every hour; several processes may run it, the chain head serializes them. */
@Injectable()
export class ActivityRetentionHousekeeping extends PeriodicTask {
  constructor(private readonly integrity: ActivityIntegrityService) {
    super(60 * 60 * 1000);
  }

  async run(): Promise<void> {
    await this.integrity.archiveExpired();
  }
}
