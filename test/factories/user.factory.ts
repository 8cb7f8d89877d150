import { randomBytes } from 'node:crypto';

import type request from 'supertest';

import type { ClientUserPermission, ClientUserResponse, Permission } from '@keydesk/domain';

import { UserSignInEntity } from '../../apps/api/src/modules/users/user-sign-in.entity';
import { signIn } from '../support/sign-in';
import { TestApp } from '../support/test-app';
import { createStaff } from './staff.factory';

let sequence = 0;

export interface ClientUserInput {
  email?: string;
  firstName?: string;
  lastName?: string;
  username?: string;
  owner?: boolean;
  permissions?: ClientUserPermission[];
}

/** A body for POST /api/clients/:id/users, unique email and user name unless given. */
export function clientUserBody(input: ClientUserInput = {}): ClientUserInput {
  sequence += 1;
  const tag = `${sequence}-${randomBytes(3).toString('hex')}`;
  return {
    email: `user-${tag}@example.test`,
    firstName: 'Ana',
    lastName: 'López',
    username: `user-${tag}`,
    ...input,
  };
}

/** Associates a user (new, or existing by email) with a client through the API. */
export async function addClientUser(
  agent: request.Agent, csrf: string, clientId: number, input: ClientUserInput = {},
): Promise<ClientUserResponse> {
  const response = await agent.post(`/api/clients/${clientId}/users`).set('X-CSRF-Token', csrf).send(clientUserBody(input));
  if (response.status !== 201) throw new Error(`addClientUser failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as ClientUserResponse;
}

/** A client-area sign-in, written directly: the client area that records them comes later. */
export async function insertSignIn(
  t: TestApp, userId: number, occurredAt: Date, fields: Partial<Pick<UserSignInEntity, 'clientId' | 'ip' | 'userAgent' | 'succeeded'>> = {},
): Promise<void> {
  await t.dataSource.getRepository(UserSignInEntity).insert({
    userId, occurredAt, clientId: null, ip: '203.0.113.7', userAgent: 'Mozilla/5.0', succeeded: true, ...fields,
  });
}

/** A signed-in staff member whose only role grants exactly `permissions`, made by the root administrator. */
export async function signInWithPermissions(t: TestApp, permissions: Permission[]): Promise<{ agent: request.Agent; csrf: string }> {
  const admin = t.http();
  const adminCsrf = await signIn(admin, t.admin.username, t.admin.password);
  const role = await admin.post('/api/roles').set('X-CSRF-Token', adminCsrf)
    .send({ name: `Only ${permissions.join(' ')} ${randomBytes(3).toString('hex')}`, description: '', permissions });
  if (role.status !== 201) throw new Error(`role failed: ${role.status} ${JSON.stringify(role.body)}`);
  const staff = await createStaff(t, 'Agent');
  await admin.put(`/api/staff/${staff.id}`).set('X-CSRF-Token', adminCsrf).send({ roleIds: [role.body.id] }).expect(200);
  const agent = t.http();
  return { agent, csrf: await signIn(agent, staff.username, staff.password) };
}
