import { Module } from '@nestjs/common';

import { CredentialsModule } from '../credentials/credentials.module';
import { AuthCoreModule } from '../auth/auth-core.module';
import { EmailsModule } from '../emails/emails.module';
import { RolesModule } from '../roles/roles.module';
import { StaffController } from './staff.controller';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

@Module({
  imports: [RolesModule, AuthCoreModule, CredentialsModule, EmailsModule],
  controllers: [StaffController],
  providers: [StaffRepository, StaffService],
  exports: [StaffRepository, StaffService],
})
export class StaffModule {}
