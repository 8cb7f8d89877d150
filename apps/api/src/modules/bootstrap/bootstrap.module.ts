import { Module } from '@nestjs/common';

import { ClientsModule } from '../clients/clients.module';
import { RolesModule } from '../roles/roles.module';
import { StaffModule } from '../staff/staff.module';
import { BootstrapService } from './bootstrap.service';
import { DemoCustomersService } from './demo-customers';

@Module({
  imports: [RolesModule, StaffModule, ClientsModule],
  providers: [BootstrapService, DemoCustomersService],
  exports: [BootstrapService],
})
export class BootstrapModule {}
