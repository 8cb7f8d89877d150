import type { INestApplicationContext } from '@nestjs/common';

import { BuiltInRole } from '@keydesk/domain';

import { DomainError } from '../common/errors/domain-error';
import { RequestContext } from '../common/http/request-context';
import { describeError } from '../common/errors/describe-error';
import { RoleRepository } from '../modules/roles/role.repository';
import { StaffRepository } from '../modules/staff/staff.repository';
import { StaffService } from '../modules/staff/staff.service';
import { TwoFactorService } from '../modules/two-factor/two-factor.service';

export interface StaffCommandOptions {
  username?: string;
  email?: string;
  name?: string;
  role?: string;
  password: string;
  generated: boolean;
}

/** The CLI acts as the system: its entries in the audit trail say so. */
const CLI_CONTEXT: RequestContext = { ip: null, userAgent: 'keydesk-cli', locale: 'en', staff: null };

/** The way back in for an administrator locked out of the UI. */
export async function runStaffCommand(app: INestApplicationContext, command: string, options: StaffCommandOptions) {
  if (!options.username) throw new Error('--username is required');
  try {
    if (command === 'staff:create') await create(app, options);
    else if (command === 'staff:reset-password') await resetPassword(app, options);
    else if (command === 'staff:reset-two-factor') await resetTwoFactor(app, options);
    else throw new Error(`Unknown command "${command}"`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(describeError(error));
    return 1;
  }
  if (options.generated) console.log(`Password (shown only now): ${options.password}`);
  return 0;
}

async function create(app: INestApplicationContext, options: StaffCommandOptions): Promise<void> {
  if (!options.email) throw new Error('--email is required');
  const roleName = options.role ?? BuiltInRole.Administrator;
  const role = await app.get(RoleRepository).findByName(roleName);
  if (!role) throw new Error(`No role named "${roleName}"`);
  const staff = await app.get(StaffService).create(
    {
      username: options.username!,
      email: options.email,
      displayName: options.name ?? options.username!,
      password: options.password,
      roleIds: [role.id],
    },
    CLI_CONTEXT,
  );
  console.log(`Created staff member ${staff.username} (#${staff.id}) with role ${role.name}.`);
}

async function resetPassword(app: INestApplicationContext, options: StaffCommandOptions): Promise<void> {
  const staff = await app.get(StaffRepository).findByLogin(options.username!);
  if (!staff) throw new Error(`No staff member with user name or email "${options.username}"`);
  await app.get(StaffService).setPassword(staff.id, options.password, CLI_CONTEXT);
  console.log(`Password set for ${staff.username}; their sessions were ended and any lockout lifted.`);
}

/** A lost authenticator app, even the last administrator's: the next sign-in enrols a new one. */
async function resetTwoFactor(app: INestApplicationContext, options: StaffCommandOptions): Promise<void> {
  const staff = await app.get(StaffRepository).findByLogin(options.username!);
  if (!staff) throw new Error(`No staff member with user name or email "${options.username}"`);
  await app.get(TwoFactorService).resetFactors(staff.id, 'Reset on the command line', CLI_CONTEXT);
  console.log(
    `Second factors reset for ${staff.username}; their sessions were ended and they enrol again at the next sign-in.`,
  );
}
