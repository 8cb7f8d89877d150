import { Module } from '@nestjs/common';

import { AssuranceModule } from '../assurance/assurance.module';
import { StaffModule } from '../staff/staff.module';
import { TicketsModule } from '../tickets/tickets.module';
import { UsersModule } from '../users/users.module';
import { ApprovalFlags } from './approval-flags';
import { ApprovalsController } from './approvals.controller';
import { ApprovalsHousekeeping } from './approvals.housekeeping';
import { ApprovalsService } from './approvals.service';

/** A second person for every exception: requests, decisions, single use, expiry. */
@Module({
  imports: [AssuranceModule, StaffModule, TicketsModule, UsersModule],
  controllers: [ApprovalsController],
  providers: [ApprovalsService, ApprovalFlags, ApprovalsHousekeeping],
})
export class ApprovalsModule {}
