import { Module } from '@nestjs/common';

import { ActivityArchiveRepository } from './activity-archive.repository';
import { ActivityExportService } from './activity-export.service';
import { ActivityInsightsService } from './activity-insights.service';
import { ActivityIntegrityService } from './activity-integrity.service';
import { ActivityQueryService } from './activity-query.service';
import { ActivityRetentionHousekeeping } from './activity-retention.housekeeping';
import { ActivityReviewService } from './activity-review.service';
import { ActivityController } from './activity.controller';
import { ActivityRepository } from './activity.repository';
import { UserActivityController } from './user-activity.controller';

/** The supervisors' activity log over the audit trail (AuditModule writes it). */
@Module({
  controllers: [ActivityController, UserActivityController],
  providers: [
    ActivityRepository, ActivityArchiveRepository, ActivityQueryService, ActivityReviewService, ActivityInsightsService,
    ActivityExportService, ActivityIntegrityService, ActivityRetentionHousekeeping,
  ],
  exports: [ActivityIntegrityService],
})
export class ActivityModule {}
