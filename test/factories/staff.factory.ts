import { randomBytes } from 'node:crypto';

import type request from 'supertest';

import { generatePassword, Permission } from '@keydesk/domain';

import { TestApp } from '../support/test-app';
import { signIn } from '../support/sign-in';

let sequence = 0;

export interface CreatedStaff {
  id: number;
  username: string;
  email: string;
  password: string;
}

/** Creates a staff member through the API as the root administrator, with a built-in role. */
export async function createStaff(
  testApp: TestApp,
  role: 'Agent' | 'Supervisor' | 'Administrator',
  overrides: Partial<{ username: string; displayName: string }> = {},
): Promise<CreatedStaff> {
  sequence += 1;
  const admin = testApp.http();
  const csrf = await signIn(admin, testApp.admin.username, testApp.admin.password);
  const roles = await admin.get('/api/roles').query({ filter: JSON.stringify({ q: role }) });
  const roleId = (roles.body as Array<{ id: number; name: string }>).find((r) => r.name === role)!.id;
  const username = overrides.username ?? `${role.toLowerCase()}-${sequence}-${randomBytes(3).toString('hex')}`;
  const password = generatePassword(randomBytes);
  const created: request.Response = await admin
    .post('/api/staff')
    .set('X-CSRF-Token', csrf)
    .send({
      username,
      email: `${username}@example.test`,
      displayName: overrides.displayName ?? `Test ${role} ${sequence}`,
      password,
      roleIds: [roleId],
    });
  if (created.status !== 201) throw new Error(`createStaff failed: ${created.status} ${JSON.stringify(created.body)}`);
  return { id: created.body.id, username, email: `${username}@example.test`, password };
}

/** A signed-in staff member whose only role grants exactly `permissions`, made by the root administrator. */
export async function signInWithPermissions(
  t: TestApp,
  permissions: Permission[],
): Promise<{ agent: request.Agent; csrf: string }> {
  const admin = t.http();
  const adminCsrf = await signIn(admin, t.admin.username, t.admin.password);
  const role = await admin
    .post('/api/roles')
    .set('X-CSRF-Token', adminCsrf)
    .send({ name: `Only ${permissions.join(' ')} ${randomBytes(3).toString('hex')}`, description: '', permissions });
  if (role.status !== 201) throw new Error(`role failed: ${role.status} ${JSON.stringify(role.body)}`);
  const staff = await createStaff(t, 'Agent');
  await admin
    .put(`/api/staff/${staff.id}`)
    .set('X-CSRF-Token', adminCsrf)
    .send({ roleIds: [role.body.id] })
    .expect(200);
  const agent = t.http();
  return { agent, csrf: await signIn(agent, staff.username, staff.password) };
}
