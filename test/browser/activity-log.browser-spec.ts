import { randomBytes } from 'node:crypto';

import {
  ActivityAction,
  generatePassword,
  type ActivityDetailResponse,
  type ClientResponse,
  type ClientUserResponse,
  type RoleResponse,
  type StaffResponse,
} from '@keydesk/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uniqueRfc } from '../factories/client.factory';
import { signInToApi, type ApiClient } from '../support/browser-api';
import { expectAccessible } from '../support/browser-axe';
import { openBrowser, saveScreenshot, type OpenBrowser } from '../support/browser-chromium';
import { startServer, type RunningServer } from '../support/built-server';

const CLIENT = {
  clientKey: uniqueRfc(),
  companyName: 'Papelería La Pluma de Oro',
  firstName: 'Ernesto',
  lastName: 'Villaseñor',
  email: 'ernesto@laplumadeoro.example',
  phone: '+52 55 5512 3344',
  country: 'MX',
  language: 'es',
};
const USER = {
  email: 'ines.cabrera@correo-personal.example',
  firstName: 'Inés',
  lastName: 'Cabrera',
  username: 'ines',
  owner: true,
};
const AGENT = { username: 'carla.mendez', displayName: 'Carla Méndez', email: 'carla.mendez@keydesk.example' };
const SUPERVISOR = { username: 'sofia.rangel', displayName: 'Sofía Rangel', email: 'sofia.rangel@keydesk.example' };
const RESET_EMAIL_SENT = 'Correo para restablecer la contraseña enviado';
const PASSWORD_SET = 'Contraseña temporal establecida y enviada por un ticket';
const COMMENT = 'Cotejado con el ticket: lo pidió la propia clienta por teléfono.';

const newPassword = () => generatePassword((n) => new Uint8Array(randomBytes(n)), 24);

/** A signed-in api client that reads (the shared helper only writes). */
async function apiReader(baseUrl: string, username: string, password: string) {
  const login = await fetch(new URL('api/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`POST /api/auth/login answered ${login.status}: ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  return async <T>(path: string): Promise<T> => {
    const response = await fetch(new URL(path, baseUrl), { headers: { Cookie: cookie, Accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
}

async function signIn(page: Page, server: RunningServer, username: string, password: string): Promise<void> {
  await page.goto(server.url);
  await page.getByRole('textbox', { name: /^Usuario/ }).fill(username);
  await page.getByLabel(/^Contraseña/).fill(password);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await page.getByRole('heading', { level: 2, name: /^Te damos la bienvenida, / }).waitFor();
}

async function chooseOption(page: Page, combobox: string, typed: string, option: string): Promise<void> {
  const input = page.getByRole('combobox', { name: combobox });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('Supervisors review the activity log, in Spanish', () => {
  let server: RunningServer | undefined;
  let browser: OpenBrowser | undefined;
  let admin: ApiClient;
  let read: <T>(path: string) => Promise<T>;
  let user: ClientUserResponse;
  const supervisorPassword = newPassword();

  beforeAll(async () => {
    server = await startServer();
    admin = await signInToApi(server.url, server.adminUsername, server.adminPassword);
    read = await apiReader(server.url, server.adminUsername, server.adminPassword);
    const roles = await read<RoleResponse[]>('api/roles?range=[0,24]');
    const roleId = (name: string) => roles.find((role) => role.name === name)!.id;
    const agentPassword = newPassword();
    await admin.post<StaffResponse>('api/staff', { ...AGENT, password: agentPassword, roleIds: [roleId('Agent')] });
    await admin.post<StaffResponse>('api/staff', {
      ...SUPERVISOR,
      password: supervisorPassword,
      roleIds: [roleId('Supervisor')],
    });
    const client = await admin.post<ClientResponse>('api/clients', CLIENT);
    user = await admin.post<ClientUserResponse>(`api/clients/${client.id}/users`, USER);

    // The agent's two password actions; the second opens a ticket too, which the filter must leave out.
    const agent = await signInToApi(server.url, AGENT.username, agentPassword);
    await agent.post(`api/users/${user.id}/password-reset-email`, {});
    await agent.post(`api/users/${user.id}/password`, { generate: true, newTicketSubject: 'Tu acceso' });
    // The same action by someone else: not the agent's, so not in the filtered list.
    await admin.post(`api/users/${user.id}/password-reset-email`, {});

    // A supervisor in Mexico City: the dashboard counts the days of the browser's time zone.
    browser = await openBrowser('es-MX', { timezoneId: 'America/Mexico_City' });
    await signIn(browser.page, server, SUPERVISOR.username, supervisorPassword);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'filters to one agent’s password actions of today, opens one and marks it reviewed',
    { timeout: 120_000 },
    async ({ onTestFailed }) => {
      const { page } = browser!;
      onTestFailed(() => saveScreenshot(page, 'activity-log'));

      await page.getByRole('menuitem', { name: 'Registro de actividad' }).click();
      await page.waitForURL(/#\/activity$/);
      await page.getByText(/^El registro es íntegro: se comprobaron \d+ entradas/).waitFor();
      const rows = page.locator('tbody tr');
      await rows.first().waitFor();

      await chooseOption(page, 'Miembro del personal', 'Carla', AGENT.displayName);
      await chooseOption(page, 'Qué', 'restablecer la contraseña', RESET_EMAIL_SENT);
      await chooseOption(page, 'Qué', 'temporal', PASSWORD_SET);
      // Today in the browser's time zone, as the date inputs mean it.
      const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
      await page.getByLabel('Desde').fill(today);
      await page.getByLabel('Hasta (incluido)').fill(today);

      await expect
        .poll(async () => (await rows.allInnerTexts()).map((row) => row.replace(/\s+/g, ' ')), { timeout: 10_000 })
        .toEqual([
          expect.stringMatching(
            new RegExp(`${AGENT.displayName} ${PASSWORD_SET} ${USER.firstName} ${USER.lastName} Ticket #\\d+ `),
          ),
          expect.stringMatching(
            new RegExp(`${AGENT.displayName} ${RESET_EMAIL_SENT} ${USER.firstName} ${USER.lastName} `),
          ),
        ]);
      await expectAccessible(page, 'the filtered activity log');

      // The export downloads what the list shows: the same filter, every page of it.
      const exportUrl = await page.getByRole('link', { name: 'Exportar CSV' }).getAttribute('href');
      const exported = await page.evaluate(async (url) => {
        const response = await fetch(url!);
        return { type: response.headers.get('Content-Type'), lines: (await response.text()).trim().split('\r\n') };
      }, exportUrl);
      expect(exported.type).toMatch(/^text\/csv/);
      expect(exported.lines.slice(1)).toEqual([
        expect.stringContaining(`${AGENT.displayName},${ActivityAction.UserPasswordSet},`),
        expect.stringContaining(`${AGENT.displayName},${ActivityAction.UserPasswordResetEmailSent},`),
      ]);

      await rows.getByText(PASSWORD_SET, { exact: true }).click();
      await page.waitForURL(/#\/activity\/[0-9a-f-]{36}\/show$/);
      const entryId = /#\/activity\/([0-9a-f-]{36})\/show$/.exec(page.url())![1];
      await page.getByRole('heading', { level: 2, name: PASSWORD_SET }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Solicitud' }).waitFor();
      await page.getByText(`${AGENT.displayName} · Personal`).waitFor();
      await page.getByRole('link', { name: `${USER.firstName} ${USER.lastName}` }).waitFor();
      await page.getByText('Nadie ha revisado esta entrada todavía.').waitFor();
      await expectAccessible(page, 'an activity entry');

      await page.getByRole('button', { name: 'Marcar como revisada' }).click();
      const dialog = page.getByRole('dialog', { name: 'Marcar 1 entrada como revisada' });
      await dialog.getByRole('textbox', { name: /^Comentario/ }).fill(COMMENT);
      // Judged once faded in: half-transparent text fails the contrast check.
      await expect
        .poll(() => page.locator('.MuiDialog-container').evaluate((element) => getComputedStyle(element).opacity))
        .toBe('1');
      await expectAccessible(page, 'the review dialog');
      await dialog.getByRole('button', { name: 'Marcar como revisada' }).click();
      await page.getByText('Marcada como revisada: 1 entrada.').waitFor();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText(COMMENT).waitFor();
      await page.getByText(new RegExp(`^${SUPERVISOR.displayName} · `)).waitFor();

      const entry = await read<ActivityDetailResponse>(`api/activity/${entryId}`);
      expect(entry.action).toBe(ActivityAction.UserPasswordSet);
      expect(entry.reviews).toEqual([
        expect.objectContaining({ reviewerName: SUPERVISOR.displayName, comment: COMMENT }),
      ]);

      // Back in the list, with the same filters, the entry carries the mark and the other does not.
      await page.goBack();
      await page.waitForURL(/#\/activity\?/);
      await expect
        .poll(async () => (await rows.allInnerTexts()).map((row) => row.includes('Revisada')))
        .toEqual([true, false]);
      // The search box finds actions by the words the log names them with, as well as people by name.
      await page.getByRole('button', { name: 'Agregar filtro' }).click();
      await page.getByRole('menu').getByText('Buscar', { exact: true }).click();
      await page.getByPlaceholder('Nombres y acciones').fill('temporal establecida');
      await expect
        .poll(async () => (await rows.allInnerTexts()).map((row) => row.replace(/\s+/g, ' ')), { timeout: 10_000 })
        .toEqual([expect.stringMatching(new RegExp(`${AGENT.displayName} ${PASSWORD_SET} `))]);

      // The customer's timeline on Manage user has both, and the other staff member's reset too.
      await page.goto(`${server!.url}#/users/${user.id}/show`);
      const timeline = page.getByRole('region', { name: 'Historial' });
      await timeline.getByRole('cell', { name: PASSWORD_SET }).waitFor();
      await expect(timeline.getByRole('cell', { name: RESET_EMAIL_SENT, exact: true }).count()).resolves.toBe(2);
      await expectAccessible(page, 'Manage user with the timeline');

      // The dashboard: the agent's two password actions of today, counted in the supervisor's days.
      await page.goto(`${server!.url}#/password-actions`);
      await page
        .getByText('Periodo: días completos de tu zona horaria (America/Mexico_City), hasta 92 días.')
        .waitFor();
      const perAgent = page.getByRole('table', { name: 'Acciones sobre contraseñas por agente' });
      const agentRow = perAgent
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: AGENT.displayName, exact: true }) });
      await expect
        .poll(async () => (await agentRow.getByRole('cell').allInnerTexts()).slice(0, 3))
        .toEqual(['1', '1', '2']);
      await expectAccessible(page, 'the password actions dashboard');
    },
  );
});
