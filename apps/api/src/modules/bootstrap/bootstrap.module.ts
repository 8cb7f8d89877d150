import { Module } from '@nestjs/common';

import { RolesModule } from '../roles/roles.module';
import { StaffModule } from '../staff/staff.module';
import { BootstrapService } from './bootstrap.service';

@Module({
  imports: [RolesModule, StaffModule],
  providers: [BootstrapService],
  exports: [BootstrapService],
})
export class BootstrapModule {}
