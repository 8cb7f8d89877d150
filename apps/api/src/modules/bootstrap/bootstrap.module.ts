import { Module } from '@nestjs/common';

import { ClientsModule } from '../clients/clients.module';
import { PasswordResetsModule } from '../password-resets/password-resets.module';
import { RescueCodesModule } from '../rescue-codes/rescue-codes.module';
import { RolesModule } from '../roles/roles.module';
import { StaffModule } from '../staff/staff.module';
import { UserPasswordsModule } from '../user-passwords/user-passwords.module';
import { UsersModule } from '../users/users.module';
import { BootstrapService } from './bootstrap.service';
import { DemoActivityService } from './demo-activity';
import { DemoCustomersService } from './demo-customers';

@Module({
  imports: [
    RolesModule,
    StaffModule,
    ClientsModule,
    UsersModule,
    PasswordResetsModule,
    UserPasswordsModule,
    RescueCodesModule,
  ],
  providers: [BootstrapService, DemoCustomersService, DemoActivityService],
  exports: [BootstrapService],
})
export class BootstrapModule {}
