import { randomBytes } from 'node:crypto';

import type request from 'supertest';

import type { ClientUserPermission, ClientUserResponse } from '@keydesk/domain';

import { UserSignInEntity } from '../../apps/api/src/modules/users/user-sign-in.entity';
import { TestApp } from '../support/test-app';

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
  agent: request.Agent,
  csrf: string,
  clientId: number,
  input: ClientUserInput = {},
): Promise<ClientUserResponse> {
  const response = await agent
    .post(`/api/clients/${clientId}/users`)
    .set('X-CSRF-Token', csrf)
    .send(clientUserBody(input));
  if (response.status !== 201)
    throw new Error(`addClientUser failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as ClientUserResponse;
}

/** A client-area sign-in, written directly: the client area that records them comes later. */
export async function insertSignIn(
  t: TestApp,
  userId: number,
  occurredAt: Date,
  fields: Partial<Pick<UserSignInEntity, 'clientId' | 'ip' | 'userAgent' | 'succeeded'>> = {},
): Promise<void> {
  await t.dataSource.getRepository(UserSignInEntity).insert({
    userId,
    occurredAt,
    clientId: null,
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0',
    succeeded: true,
    ...fields,
  });
}
