import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { urlencoded } from 'express';

import { AuthCoreModule } from '../auth/auth-core.module';
import { ClientsModule } from '../clients/clients.module';
import { EmailsModule } from '../emails/emails.module';
import { PasswordResetsModule } from '../password-resets/password-resets.module';
import { UserPasswordsModule } from '../user-passwords/user-passwords.module';
import { UsersModule } from '../users/users.module';
import { AccountPages } from './account-pages';
import { AccountPasswordController } from './account-password.controller';
import { AccountRevealController } from './account-reveal.controller';
import { PasswordResetCompletionService } from './password-reset-completion.service';

/** The client area's server-rendered pages under /account (for now: choosing a password from a reset link). */
@Module({
  imports: [AuthCoreModule, ClientsModule, UsersModule, EmailsModule, PasswordResetsModule, UserPasswordsModule],
  controllers: [AccountPasswordController, AccountRevealController],
  providers: [AccountPages, PasswordResetCompletionService],
})
export class AccountModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // HTML forms post url-encoded fields; a password field needs little room.
    consumer.apply(urlencoded({ extended: false, limit: '16kb', parameterLimit: 10 })).forRoutes(AccountPasswordController, AccountRevealController);
  }
}
