import 'reflect-metadata';

import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';

import { BuiltInRole, generatePassword } from '@keydesk/domain';

import { AppModule } from './app.module';
import { describeError } from './common/errors/describe-error';
import { loadConfig } from './config/app.config';
import { runMigrations } from './database/run-migrations';
import { ActivityIntegrityService } from './modules/activity/activity-integrity.service';
import { AuditVerifierService } from './modules/audit/audit-verifier.service';
import { BootstrapService } from './modules/bootstrap/bootstrap.service';
import { runStaffCommand } from './cli/staff-commands';

const USAGE = `Keydesk command line: npm run cli -- <command> [options]

  migrate                      apply pending database migrations
  staff:create                 create a staff member
      --username <name> --email <email> [--name <display name>]
      [--role Agent|Supervisor|Administrator] [--password <password>]
  staff:reset-password         set a staff member's password, end their sessions, lift a lockout
      --username <name|email> [--password <password>]
  staff:reset-two-factor       remove a staff member's second factors (a lost phone), end their
      --username <name|email>    sessions; they enrol again at the next sign-in
  audit:verify                 walk the audit chain; exit 1 and name the first broken row
  audit:archive                move entries older than ACTIVITY_RETENTION_DAYS to the archive now

Without --password a strong password is generated and printed once.
The database is the one the server uses (DATABASE_URL, or data/keydesk.sqlite).`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: BuiltInRole.Administrator },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (!command || values.help) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', KEYDESK_DEMO_DATA: 'false' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const applied = await runMigrations(app.get(DataSource));
    if (command === 'migrate') {
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      return 0;
    }
    await app.get(BootstrapService).run();
    if (command === 'audit:verify') {
      const result = await app.get(AuditVerifierService).verify();
      console.log(JSON.stringify(result, null, 2));
      return result.ok ? 0 : 1;
    }
    if (command === 'audit:archive') {
      const moved = await app.get(ActivityIntegrityService).archiveExpired();
      console.log(
        config.activity.retentionDays === 0
          ? 'ACTIVITY_RETENTION_DAYS is 0 (keep everything): nothing archived.'
          : `Archived ${moved} entries older than ${config.activity.retentionDays} days.`,
      );
      return 0;
    }
    if (command.startsWith('staff:')) {
      const password = values.password ?? generatePassword(randomBytes);
      return await runStaffCommand(app, command, { ...values, password, generated: !values.password });
    }
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(describeError(error));
    process.exit(1);
  },
);
