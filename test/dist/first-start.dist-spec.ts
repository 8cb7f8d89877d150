import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { startServer } from '../support/built-server';

const NEWCOMER = {
  DATABASE_URL: undefined, KEYDESK_ADMIN_USER: undefined, KEYDESK_ADMIN_PASSWORD: undefined, KEYDESK_DEMO_DATA: undefined,
  NODE_ENV: undefined,
};

/** `npm start` as a newcomer runs it: no configuration, the embedded database, demo staff. */
describe('the first start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'keydesk-first-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const credentialsIn = (output: string) =>
    Object.fromEntries([...output.matchAll(/^ {2}(Administrator|Supervisor|Agent)\s+(\S+)\s+(\S+)$/gm)].map((m) => [m[2], m[3]]));

  const signIn = (url: string, username: string, password: string) =>
    fetch(`${url}api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });

  it('creates the embedded database, prints generated demo credentials once, and they work', async () => {
    const first = await startServer({ env: NEWCOMER, dataDir });
    let printed: Record<string, string>;
    try {
      printed = credentialsIn(first.output());
      expect(Object.keys(printed)).toEqual(['admin', 'supervisor', 'agent']);
      expect(first.output()).toContain(join(dataDir, 'keydesk.sqlite'));
      const response = await signIn(first.url, 'admin', printed.admin);
      expect(response.status).toBe(200);
      expect((await response.json()).staff.roles[0].name).toBe('Administrator');
      expect((await fetch(first.url)).headers.get('content-type')).toMatch(/text\/html/);
      // Demo customers to follow the agent's path with: clients, their users, tickets.
      const cookie = response.headers.get('set-cookie')!.split(';')[0];
      const clients = await fetch(`${first.url}api/clients?range=[0,0]`, { headers: { Cookie: cookie } });
      expect(Number(clients.headers.get('content-range')!.split('/')[1])).toBeGreaterThanOrEqual(45);
      const tickets = await fetch(`${first.url}api/tickets?filter={"q":"contraseña"}`, { headers: { Cookie: cookie } });
      expect((await tickets.json()).length).toBeGreaterThan(0);
      // And a first day of work for the supervisor's log: the demo agent's password actions, a customer's rescue code.
      const supervisor = (await signIn(first.url, 'supervisor', printed.supervisor)).headers.get('set-cookie')!.split(';')[0];
      const filter = encodeURIComponent(JSON.stringify({ action: ['user.password_reset_email_sent', 'user.password_set', 'user.rescue_code_sent'] }));
      const activity = await fetch(`${first.url}api/activity?filter=${filter}`, { headers: { Cookie: supervisor } });
      const entries = (await activity.json()) as Array<{ action: string; actorName: string }>;
      expect(entries.map((entry) => entry.action).sort()).toEqual(['user.password_reset_email_sent', 'user.password_set', 'user.rescue_code_sent']);
      expect(entries.filter((entry) => entry.action.startsWith('user.password')).every((entry) => entry.actorName === 'Andrés Agente')).toBe(true);
    } finally {
      await first.stop();
    }
    const second = await startServer({ env: NEWCOMER, dataDir });
    try {
      expect(credentialsIn(second.output())).toEqual({});
      expect((await signIn(second.url, 'supervisor', printed.supervisor)).status).toBe(200);
    } finally {
      await second.stop();
    }
    // Different every install: nobody can sign in to someone else's demo with a known password.
    expect(new Set(Object.values(printed)).size).toBe(3);
  });

  it('refuses to start with a clear message for each wrong setting', async () => {
    await expect(startServer({ env: { ...NEWCOMER, PORT: 'x', DATABASE_URL: 'postgres://db/x' }, dataDir })).rejects.toThrow(
      /PORT must be a whole number[\s\S]*DATABASE_URL must start with sqlite:/,
    );
  });
});
