import { Module } from '@nestjs/common';

import { AuthCoreModule } from '../auth/auth-core.module';
import { ClientsModule } from '../clients/clients.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { CustomerTwoFactorModule } from '../customer-two-factor/customer-two-factor.module';
import { EmailsModule } from '../emails/emails.module';
import { PasswordResetsModule } from '../password-resets/password-resets.module';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { UserPasswordsModule } from '../user-passwords/user-passwords.module';
import { UsersModule } from '../users/users.module';
import { UserSessionsModule } from '../user-sessions/user-sessions.module';
import { PublicRescueCodesController } from './public-rescue-codes.controller';
import { RescueAccounts } from './rescue-accounts';
import { RescueCodeFailures } from './rescue-code-failures';
import { RescueCodeHasher } from './rescue-code-hasher';
import { RescueCodeHistoryService } from './rescue-code-history.service';
import { RescueCodeRedemptionService } from './rescue-code-redemption.service';
import { RescueCodeRequestService } from './rescue-code-request.service';
import { RescueCodeRepository } from './rescue-code.repository';
import { RescueCodesController } from './rescue-codes.controller';

/**
 * The XPD procedure: a customer asks for a rescue code and redeems it for a new password. The
 * JSON API lives here; the client area's pages (AccountModule) use the same two services.
 */
@Module({
  imports: [
    AuthCoreModule,
    CredentialsModule,
    CustomerTwoFactorModule,
    ClientsModule,
    UsersModule,
    EmailsModule,
    PasswordResetsModule,
    UserPasswordsModule,
    UserSessionsModule,
    RateLimitsModule,
  ],
  controllers: [PublicRescueCodesController, RescueCodesController],
  providers: [
    RescueAccounts,
    RescueCodeHasher,
    RescueCodeFailures,
    RescueCodeRepository,
    RescueCodeRequestService,
    RescueCodeRedemptionService,
    RescueCodeHistoryService,
  ],
  exports: [RescueCodeRequestService, RescueCodeRedemptionService],
})
export class RescueCodesModule {}
