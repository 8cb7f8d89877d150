import type request from 'supertest';

import { createClient } from '../factories/client.factory';
import { createStaff } from '../factories/staff.factory';
import { createTicket } from '../factories/ticket.factory';
import { addClientUser } from '../factories/user.factory';
import { TestApp } from './test-app';

/**
 * Ids that exist, so that generated requests get past "not found" into the handlers. Staff and
 * roles hold only what the fuzzer made itself: disabling the administrator or emptying its role
 * would end the run, not find a bug.
 */
export interface IdPools {
  adminId: number;
  roles: number[];
  builtInRoles: number[];
  staff: number[];
  clients: number[];
  users: number[];
  contacts: Array<[number, number]>;
  clientUsers: Array<[number, number]>;
  tickets: number[];
  notes: Array<[number, number]>;
  emails: number[];
  activity: string[];
  /** Client key and user name pairs, for the rescue-code forms. */
  accounts: Array<{ clientKey: string; username: string; email: string; userId: number }>;
}

const ok = (response: request.Response, what: string) => {
  if (response.status >= 300)
    throw new Error(`seeding ${what} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
};

/** A little data through the factories and the API as the administrator: a few of everything. */
export async function seedFuzzData(t: TestApp, admin: request.Agent, csrf: string): Promise<IdPools> {
  const session = ok(await admin.get('/api/auth/session'), 'session');
  const roles = ok(await admin.get('/api/roles'), 'roles') as Array<{ id: number }>;
  const pools: IdPools = {
    adminId: session.staff.id,
    roles: [],
    builtInRoles: roles.map((r) => r.id),
    staff: [],
    clients: [],
    users: [],
    contacts: [],
    clientUsers: [],
    tickets: [],
    notes: [],
    emails: [],
    activity: [],
    accounts: [],
  };
  for (let i = 0; i < 3; i += 1) {
    const role = await admin
      .post('/api/roles')
      .set('X-CSRF-Token', csrf)
      .send({ name: `Fuzz role ${i}`, description: 'made by the fuzzer', permissions: ['clients.view'] });
    pools.roles.push(ok(role, 'role').id);
    pools.staff.push((await createStaff(t, i === 0 ? 'Supervisor' : 'Agent')).id);
  }
  for (let i = 0; i < 3; i += 1) await seedClient(admin, csrf, pools);
  const reset = await admin
    .post(`/api/users/${pools.users[0]}/password-reset-email`)
    .set('X-CSRF-Token', csrf)
    .send({ reason: 'forgot' });
  ok(reset, 'reset email');
  pools.emails = (ok(await admin.get('/api/emails'), 'emails') as Array<{ id: number }>).map((e) => e.id);
  pools.activity = (
    ok(await admin.get('/api/activity').query({ range: '[0,9]' }), 'activity') as Array<{ id: string }>
  ).map((e) => e.id);
  return pools;
}

async function seedClient(admin: request.Agent, csrf: string, pools: IdPools): Promise<void> {
  const client = await createClient(admin, csrf);
  pools.clients.push(client.id);
  for (let i = 0; i < 2; i += 1) {
    const user = await addClientUser(admin, csrf, client.id);
    pools.users.push(user.id);
    pools.clientUsers.push([client.id, user.id]);
    pools.accounts.push({ clientKey: client.clientKey, username: user.username, email: user.email, userId: user.id });
    const contact = await admin
      .post(`/api/clients/${client.id}/contacts`)
      .set('X-CSRF-Token', csrf)
      .send({
        firstName: 'Ana',
        lastName: `Contacto ${i}`,
        email: `contact-${i}-${client.id}@example.test`,
        receivesSecurityEmails: i === 0,
      });
    pools.contacts.push([client.id, ok(contact, 'contact').id]);
    const note = await admin
      .post(`/api/clients/${client.id}/notes`)
      .set('X-CSRF-Token', csrf)
      .send({ body: `Nota ${i}`, sticky: i === 0 });
    pools.notes.push([client.id, ok(note, 'note').id]);
    pools.tickets.push((await createTicket(admin, csrf, client.id, { userId: user.id })).id);
  }
}

/** After a generated DELETE removed a seeded role, contact or client user: another in its place. */
export async function refillPools(
  pools: IdPools,
  deletedUrl: string,
  admin: request.Agent,
  csrf: string,
): Promise<void> {
  const [, a, b] =
    /^\/api\/(?:roles|clients)\/(\d+)(?:\/(?:contacts|users)\/(\d+))?/.exec(deletedUrl.split('?')[0]) ?? [];
  if (deletedUrl.startsWith('/api/roles/')) {
    pools.roles = pools.roles.filter((id) => id !== Number(a));
    const role = await admin
      .post('/api/roles')
      .set('X-CSRF-Token', csrf)
      .send({ name: `Fuzz role ${Date.now()}`, description: 'refill', permissions: ['clients.view'] });
    pools.roles.push(ok(role, 'role').id);
  } else if (/\/contacts\//.test(deletedUrl)) {
    pools.contacts = pools.contacts.filter(([, id]) => id !== Number(b));
    const contact = await admin
      .post(`/api/clients/${a}/contacts`)
      .set('X-CSRF-Token', csrf)
      .send({ firstName: 'Ana', lastName: 'Refill', email: `refill-${Date.now()}@example.test` });
    if (contact.status < 300) pools.contacts.push([Number(a), contact.body.id]);
  } else if (/\/users\//.test(deletedUrl)) {
    pools.clientUsers = pools.clientUsers.filter(([, id]) => id !== Number(b));
    const user = await admin
      .post(`/api/clients/${a}/users`)
      .set('X-CSRF-Token', csrf)
      .send({
        email: `refill-${Date.now()}@example.test`,
        firstName: 'Rosa',
        lastName: 'Refill',
        username: `refill-${Date.now()}`,
      });
    if (user.status < 300) pools.clientUsers.push([Number(a), user.body.id]);
  }
}
