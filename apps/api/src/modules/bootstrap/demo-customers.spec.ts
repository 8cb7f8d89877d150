import { describe, expect, it } from 'vitest';

import { ALL_CLIENT_USER_PERMISSIONS, isValidRfc, TicketStatus } from '@keydesk/domain';

import { companyRfc, personRfc } from './demo-customers.data';
import { DemoCustomers, DemoCustomersInput, generateDemoCustomers } from './demo-customers';

const input: DemoCustomersInput = {
  now: new Date('2026-11-23T12:00:00Z'),
  staff: [
    { id: 1, username: 'admin', displayName: 'Demo Administrator' },
    { id: 2, username: 'supervisor', displayName: 'Sofía Supervisora' },
    { id: 3, username: 'agent', displayName: 'Andrés Agente' },
  ],
  firstIds: { client: 1, user: 1, ticket: 1 },
};

describe('demo customers', () => {
  let data: DemoCustomers;

  it('are the same on every run', async () => {
    data = await generateDemoCustomers(input);
    expect(await generateDemoCustomers(input)).toEqual(data);
  });

  it('are about fifty clients, seven in ten Mexican with a valid RFC, the others Colombian with a 9-digit NIT', () => {
    const mexican = data.clients.filter((c) => c.country === 'MX');
    const colombian = data.clients.filter((c) => c.country === 'CO');
    expect(data.clients).toHaveLength(50);
    expect(mexican).toHaveLength(35);
    expect(mexican.filter((c) => !isValidRfc(c.clientKey))).toEqual([]);
    expect(mexican.some((c) => c.clientKey.length === 13)).toBe(true);
    expect(mexican.some((c) => c.clientKey.length === 12)).toBe(true);
    expect(colombian.every((c) => /^\d{9}$/.test(c.clientKey))).toBe(true);
    expect(new Set(data.clients.map((c) => c.clientKey)).size).toBe(50);
  });

  it('give every client exactly one owner, named admin, with every permission, and two to five users', () => {
    for (const client of data.clients) {
      const members = data.memberships.filter((m) => m.clientId === client.id);
      const owners = members.filter((m) => m.owner);
      expect(owners).toHaveLength(1);
      expect(members.filter((m) => m.username === 'admin')).toEqual(owners);
      expect(owners[0].permissions).toEqual(ALL_CLIENT_USER_PERMISSIONS);
      expect(members.length).toBeGreaterThanOrEqual(2);
      expect(members.length).toBeLessThanOrEqual(5);
      expect(new Set(members.map((m) => m.username)).size).toBe(members.length);
      expect(data.users.find((u) => u.id === owners[0].userId)?.email).toBe(client.email);
    }
  });

  it('give each user one unique email on a reserved domain, no password, and share some users between clients', () => {
    const emails = data.users.map((u) => u.email.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.every((email) => /@([a-z0-9-]+\.example|example\.com)$/.test(email))).toBe(true);
    expect(data.users.every((u) => u.passwordHash === null)).toBe(true);
    const clientsPerUser = data.users.map((u) => data.memberships.filter((m) => m.userId === u.id).length);
    expect(clientsPerUser.every((n) => n >= 1)).toBe(true);
    expect(clientsPerUser.filter((n) => n > 1).length).toBeGreaterThanOrEqual(3);
    expect(data.users.some((u) => u.lastLoginAt === null)).toBe(true);
    expect(data.users.every((u) => !u.lastLoginAt || u.lastLoginAt <= input.now)).toBe(true);
  });

  it("open tickets in every status, written by the client's users and the demo staff", () => {
    expect(new Set(data.tickets.map((t) => t.status))).toEqual(new Set(Object.values(TicketStatus)));
    expect(data.tickets.some((t) => t.assignedStaffId === 3)).toBe(true);
    for (const ticket of data.tickets) {
      const messages = data.messages.filter((m) => m.ticketId === ticket.id);
      expect(messages.length).toBeGreaterThanOrEqual(1);
      expect(messages.length).toBeLessThanOrEqual(4);
      expect(messages[0].authorType).toBe('customer');
      expect(data.memberships.some((m) => m.clientId === ticket.clientId && m.userId === ticket.userId)).toBe(true);
    }
    expect(data.messages.some((m) => m.internal)).toBe(true);
    expect(data.notes.some((n) => n.sticky)).toBe(true);
  });
});

describe('demo RFCs', () => {
  it("follow SAT's letters for companies and persons and pass the check digit", () => {
    const company = companyRfc('Ferretería El Tornillo', new Date('1998-03-15'), 'K2');
    expect(company.slice(0, 9)).toBe('FTO980315');
    expect(isValidRfc(company)).toBe(true);
    const person = personRfc('María Guadalupe', 'Hernández López', new Date('1985-01-01'), 'AB');
    expect(person.slice(0, 10)).toBe('HELG850101');
    expect(isValidRfc(person)).toBe(true);
  });
});
