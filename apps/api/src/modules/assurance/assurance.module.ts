import { Module } from '@nestjs/common';

import { ApprovalRepository } from '../approvals/approval.repository';
import { PasswordActionCounts } from '../approvals/password-action-counts';
import { CallerVerificationRepository } from '../caller-verification/caller-verification.repository';
import { AssuranceGate } from './assurance-gate';
import { AssurancePolicyService } from './assurance-policy.service';
import { AssuranceSettingsController } from './assurance-settings.controller';
import { SettingRepository } from './setting.repository';

/**
 * The gate every action that changes where access goes passes (AssuranceGate), and the policy
 * behind it. It holds the repositories the gate reads (verifications, approvals, the trail's
 * counts) and imports no module of users or staff, so those modules can use the gate; the
 * Verify-caller and Approvals screens' modules build on it.
 */
@Module({
  controllers: [AssuranceSettingsController],
  providers: [
    SettingRepository,
    AssurancePolicyService,
    AssuranceGate,
    CallerVerificationRepository,
    ApprovalRepository,
    PasswordActionCounts,
  ],
  exports: [
    AssuranceGate,
    AssurancePolicyService,
    CallerVerificationRepository,
    ApprovalRepository,
    PasswordActionCounts,
  ],
})
export class AssuranceModule {}
