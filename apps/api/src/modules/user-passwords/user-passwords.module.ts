import { Module } from '@nestjs/common';

import { AssuranceModule } from '../assurance/assurance.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { AuthCoreModule } from '../auth/auth-core.module';
import { ClientsModule } from '../clients/clients.module';
import { EmailsModule } from '../emails/emails.module';
import { PasswordResetsModule } from '../password-resets/password-resets.module';
import { TicketsModule } from '../tickets/tickets.module';
import { UserSessionsModule } from '../user-sessions/user-sessions.module';
import { UsersModule } from '../users/users.module';
import { PasswordRevealHousekeeping } from './password-reveal.housekeeping';
import { PasswordRevealRepository } from './password-reveal.repository';
import { PasswordRevealService } from './password-reveal.service';
import { UserPasswordService } from './user-password.service';
import { UserPasswordsController } from './user-passwords.controller';

/**
 * Temporary passwords set by staff ("Change password") and their view-once links; the customer
 * opens a link on the account pages (AccountModule), through PasswordRevealService.
 */
@Module({
  imports: [
    AssuranceModule,
    CredentialsModule,
    AuthCoreModule,
    ClientsModule,
    UsersModule,
    EmailsModule,
    TicketsModule,
    PasswordResetsModule,
    UserSessionsModule,
  ],
  controllers: [UserPasswordsController],
  providers: [PasswordRevealRepository, PasswordRevealService, PasswordRevealHousekeeping, UserPasswordService],
  exports: [PasswordRevealRepository, PasswordRevealService, UserPasswordService],
})
export class UserPasswordsModule {}
