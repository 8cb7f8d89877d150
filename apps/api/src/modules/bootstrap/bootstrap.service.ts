import { randomBytes } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { BuiltInRole, generatePassword } from '@keydesk/domain';

import { AppConfig } from '../../config/app.config';
import { RequestContext } from '../../common/http/request-context';
import { RoleRepository } from '../roles/role.repository';
import { RolesService } from '../roles/roles.service';
import { StaffRepository } from '../staff/staff.repository';
import { StaffService } from '../staff/staff.service';
import { DemoActivityService } from './demo-activity';
import { DemoCustomersService } from './demo-customers';

export interface CreatedCredential {
  username: string;
  password: string;
  role: BuiltInRole;
}

const SYSTEM_CONTEXT: RequestContext = { ip: null, userAgent: null, locale: 'en', staff: null };

const DEMO_STAFF: ReadonlyArray<{ username: string; displayName: string; role: BuiltInRole }> = [
  { username: 'admin', displayName: 'Demo Administrator', role: BuiltInRole.Administrator },
  { username: 'supervisor', displayName: 'Sofía Supervisora', role: BuiltInRole.Supervisor },
  { username: 'agent', displayName: 'Andrés Agente', role: BuiltInRole.Agent },
];

/**
 * First start: the built-in roles, then the first administrator from KEYDESK_ADMIN_USER /
 * KEYDESK_ADMIN_PASSWORD and, for the embedded database, demo staff with generated passwords.
 * Does nothing to staff once any exist, so restarts never reset anyone.
 */
@Injectable()
export class BootstrapService {
  constructor(
    private readonly config: AppConfig,
    private readonly roles: RolesService,
    private readonly roleRepository: RoleRepository,
    private readonly staffRepository: StaffRepository,
    private readonly staff: StaffService,
    private readonly demoCustomers: DemoCustomersService,
    private readonly demoActivity: DemoActivityService,
  ) {}

  async run(): Promise<CreatedCredential[]> {
    await this.roles.syncBuiltInRoles();
    if ((await this.staffRepository.count()) > 0) return [];
    const created: CreatedCredential[] = [];
    const { adminUsername, adminPassword, demoData } = this.config.bootstrap;
    if (adminUsername && adminPassword) {
      await this.createStaff(adminUsername, 'Administrator', BuiltInRole.Administrator, adminPassword);
    }
    if (demoData) {
      for (const demo of DEMO_STAFF) {
        if (adminUsername && demo.role === BuiltInRole.Administrator) continue;
        const password = generatePassword(randomBytes);
        await this.createStaff(demo.username, demo.displayName, demo.role, password);
        created.push({ username: demo.username, password, role: demo.role });
      }
      await this.demoCustomers.load();
      await this.demoActivity.load();
    }
    return created;
  }

  async createStaff(username: string, displayName: string, role: BuiltInRole, password: string): Promise<void> {
    const roleEntity = await this.roleRepository.findByName(role);
    if (!roleEntity) throw new Error(`Built-in role ${role} is missing`);
    await this.staff.create(
      { username, displayName, email: `${username}@keydesk.invalid`, password, roleIds: [roleEntity.id] },
      SYSTEM_CONTEXT,
    );
  }
}

/** Shown once on the console of the first start: the only place these passwords ever appear. */
export function formatCredentials(credentials: CreatedCredential[], url: string): string {
  const lines = credentials.map((c) => `  ${c.role.padEnd(14)} ${c.username.padEnd(12)} ${c.password}`);
  return [
    '',
    '  Keydesk demo staff (generated on this first start; shown only now):',
    ...lines,
    `  Sign in at ${url}`,
    '',
  ].join('\n');
}
