import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { urlencoded } from 'express';

import { AuthCoreModule } from '../auth/auth-core.module';
import { ClientsModule } from '../clients/clients.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { CustomerTwoFactorModule } from '../customer-two-factor/customer-two-factor.module';
import { EmailsModule } from '../emails/emails.module';
import { PasswordResetsModule } from '../password-resets/password-resets.module';
import { RescueCodesModule } from '../rescue-codes/rescue-codes.module';
import { UserPasswordsModule } from '../user-passwords/user-passwords.module';
import { UsersModule } from '../users/users.module';
import { UserSessionsModule } from '../user-sessions/user-sessions.module';
import { AccountAreaController } from './account-area.controller';
import { AccountEmailChangeService } from './account-email-change.service';
import { AccountErrorPage } from './account-error-page';
import { AccountPages } from './account-pages';
import { AccountPasswordChangeService } from './account-password-change.service';
import { AccountPasswordController } from './account-password.controller';
import { AccountReportController } from './account-report.controller';
import { AccountRescueController } from './account-rescue.controller';
import { AccountRevealController } from './account-reveal.controller';
import { AccountSecondFactorService } from './account-second-factor.service';
import { AccountSecurityController } from './account-security.controller';
import { AccountSessionGate } from './account-session-gate';
import { AccountSignInController } from './account-sign-in.controller';
import { AccountSignInService } from './account-sign-in.service';
import { AccountViews } from './account-views';
import { ClientAreaPages } from './client-area-pages';
import { ClientAreaService } from './client-area.service';
import { EmailChangePages } from './email-change-pages';
import { LoginFormTokens } from './login-form-tokens';
import { PasswordResetCompletionService } from './password-reset-completion.service';
import { ReportPages } from './report-pages';
import { RescuePages } from './rescue-pages';
import { SecurityPages } from './security-pages';

/** The client area's server-rendered pages under /account (sign-in, the account page, choosing a password). */
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
    RescueCodesModule,
  ],
  controllers: [
    AccountReportController,
    AccountPasswordController,
    AccountRevealController,
    AccountSignInController,
    AccountAreaController,
    AccountRescueController,
    AccountSecurityController,
  ],
  providers: [
    AccountPages,
    PasswordResetCompletionService,
    ClientAreaPages,
    LoginFormTokens,
    AccountSignInService,
    ClientAreaService,
    AccountPasswordChangeService,
    AccountViews,
    RescuePages,
    AccountErrorPage,
    ReportPages,
    AccountEmailChangeService,
    EmailChangePages,
    AccountSessionGate,
    AccountSecondFactorService,
    SecurityPages,
  ],
  exports: [AccountErrorPage],
})
export class AccountModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // HTML forms post url-encoded fields; a password field needs little room.
    consumer
      .apply(urlencoded({ extended: false, limit: '16kb', parameterLimit: 10 }))
      .forRoutes(
        AccountReportController,
        AccountPasswordController,
        AccountRevealController,
        AccountSignInController,
        AccountAreaController,
        AccountRescueController,
        AccountSecurityController,
      );
  }
}
