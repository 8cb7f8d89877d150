import { Module } from '@nestjs/common';

import { ActivityArchiveRepository } from './activity-archive.repository';
import { ActivityExportService } from './activity-export.service';
import { ActivityInsightsService } from './activity-insights.service';
import { ActivityIntegrityService } from './activity-integrity.service';
import { ActivityQueryService } from './activity-query.service';
import { ActivityIntegrityHousekeeping } from './activity-integrity.housekeeping';
import { ActivityReviewService } from './activity-review.service';
import { ActivityVerificationRepository } from './activity-verification.repository';
import { ActivityController } from './activity.controller';
import { ActivityRepository } from './activity.repository';
import { UserActivityController } from './user-activity.controller';

/** The supervisors' activity log over the audit trail (AuditModule writes it). */
@Module({
  controllers: [ActivityController, UserActivityController],
  providers: [
    ActivityRepository,
    ActivityArchiveRepository,
    ActivityQueryService,
    ActivityReviewService,
    ActivityInsightsService,
    ActivityExportService,
    ActivityIntegrityService,
    ActivityIntegrityHousekeeping,
    ActivityVerificationRepository,
  ],
  exports: [ActivityIntegrityService],
})
export class ActivityModule {}
