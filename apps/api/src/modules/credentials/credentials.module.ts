import { Module } from '@nestjs/common';

import { AuthCoreModule } from '../auth/auth-core.module';
import { EmailsModule } from '../emails/emails.module';
import { AccountLocksService } from './account-locks.service';
import { CredentialNotices } from './credential-notices';
import { CredentialsRepository } from './credentials.repository';
import { StaffCredentialsService } from './staff-credentials.service';
import { UserCredentialsService } from './user-credentials.service';

/**
 * The one place a credential changes (a user's password or email, a staff member's password) and
 * decides what that ends, voids, records and tells. It imports no module that uses it: the tables
 * it writes are named by their entities, and the writes live in CredentialsRepository alone.
 */
@Module({
  imports: [AuthCoreModule, EmailsModule],
  providers: [
    CredentialsRepository,
    CredentialNotices,
    UserCredentialsService,
    StaffCredentialsService,
    AccountLocksService,
  ],
  exports: [UserCredentialsService, StaffCredentialsService, AccountLocksService],
})
export class CredentialsModule {}
