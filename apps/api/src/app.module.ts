import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';

import { AccessGuard } from './common/access/access.guard';
import { CsrfGuard } from './common/access/csrf.guard';
import { StepUpGuard } from './common/access/step-up';
import { ApiExceptionFilter } from './common/errors/api-exception.filter';
import { createValidationPipe } from './common/errors/validation.pipe';
import { Clock } from './common/time/clock';
import { AppConfig } from './config/app.config';
import { DatabaseAvailability } from './database/database-availability';
import { dataSourceOptions } from './database/data-source-options';
import { TransactionRunner } from './database/transaction-runner';
import { loggerOptions } from './logging/logger-options';
import { AccountModule } from './modules/account/account.module';
import { ActivityModule } from './modules/activity/activity.module';
import { ApiTokensModule } from './modules/api-tokens/api-tokens.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { ApprovalsModule } from './modules/approvals/approvals.module';
import { AssuranceModule } from './modules/assurance/assurance.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { BootstrapModule } from './modules/bootstrap/bootstrap.module';
import { CallerVerificationModule } from './modules/caller-verification/caller-verification.module';
import { ClientsModule } from './modules/clients/clients.module';
import { ContactsModule } from './modules/contacts/contacts.module';
import { EmailsModule } from './modules/emails/emails.module';
import { HealthModule } from './modules/health/health.module';
import { NotesModule } from './modules/notes/notes.module';
import { PasswordResetsModule } from './modules/password-resets/password-resets.module';
import { RescueCodesModule } from './modules/rescue-codes/rescue-codes.module';
import { RolesModule } from './modules/roles/roles.module';
import { StaffModule } from './modules/staff/staff.module';
import { TicketsModule } from './modules/tickets/tickets.module';
import { UserPasswordsModule } from './modules/user-passwords/user-passwords.module';
import { UsersModule } from './modules/users/users.module';

/** Configuration, time, transactions and the database's reachability: what every module may inject. */
@Global()
@Module({})
class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: AppConfig, useValue: config }, Clock, TransactionRunner, DatabaseAvailability],
      exports: [AppConfig, Clock, TransactionRunner, DatabaseAvailability],
    };
  }
}

@Module({})
export class AppModule {
  /** `logDestination`: where the log goes instead of stdout (tests that read it). */
  static forRoot(config: AppConfig, logDestination?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config, logDestination)),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database), retryAttempts: 2, retryDelay: 1000 }),
        AuditModule,
        WebhooksModule,
        HealthModule,
        RolesModule,
        StaffModule,
        AuthModule,
        ClientsModule,
        ContactsModule,
        UsersModule,
        TicketsModule,
        NotesModule,
        EmailsModule,
        PasswordResetsModule,
        UserPasswordsModule,
        RescueCodesModule,
        AssuranceModule,
        CallerVerificationModule,
        ApprovalsModule,
        ApiTokensModule,
        ActivityModule,
        AccountModule,
        BootstrapModule,
      ],
      providers: [
        // Order matters: who you are and what you may do (401/403), the CSRF check, then a recent step-up.
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: CsrfGuard },
        { provide: APP_GUARD, useClass: StepUpGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
