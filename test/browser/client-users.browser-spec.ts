import type { ClientResponse, ClientUserResponse } from '@keydesk/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uniqueRfc } from '../factories/client.factory';
import { signInToApi } from '../support/browser-api';
import { expectAccessible } from '../support/browser-axe';
import { openBrowser, saveScreenshot } from '../support/browser-chromium';
import { startServer, type RunningServer } from '../support/built-server';

/** What the agent reads and clicks, in each language the UI speaks. */
const JOURNEYS = [
  {
    locale: 'es-MX',
    text: {
      username: /^Usuario/,
      password: /^Contraseña/,
      signIn: 'Iniciar sesión',
      clients: 'Clientes',
      search: 'Busca por empresa, nombre, correo, RFC o teléfono',
      usersTab: 'Usuarios',
      manageUser: 'Administrar usuario',
      security: 'Seguridad',
      noSignIns: 'Este usuario todavía no ha intentado iniciar sesión.',
    },
  },
  {
    locale: 'en-US',
    text: {
      username: /^Username/,
      password: /^Password/,
      signIn: 'Sign in',
      clients: 'Clients',
      search: 'Search by company, name, email, RFC or phone',
      usersTab: 'Users',
      manageUser: 'Manage user',
      security: 'Security',
      noSignIns: 'This user has not tried to sign in yet.',
    },
  },
] as const;

type Text = (typeof JOURNEYS)[number]['text'];

// The user's email shares nothing with the client's own name, contact or email: finding the
// client by it proves the search looks into the client's users.
const CLIENT = {
  clientKey: 'SAT970701NN3',
  companyName: 'Consultoría Fiscal del Norte',
  firstName: 'Mariana',
  lastName: 'Ortega',
  email: 'contacto@fiscalnorte.example',
  phone: '+52 81 1234 5678',
  country: 'MX',
};
const USER = {
  email: 'lucia.ramirez@correo-personal.example',
  firstName: 'Lucía',
  lastName: 'Ramírez',
  username: 'admin',
  owner: true,
};
const DECOY = {
  ...CLIENT,
  clientKey: uniqueRfc(),
  companyName: 'Ferretería El Tornillo',
  email: 'ventas@tornillo.example',
};

async function signIn(page: Page, server: RunningServer, text: Text): Promise<void> {
  await page.goto(server.url);
  await page.getByRole('textbox', { name: text.username }).fill(server.adminUsername);
  await page.getByLabel(text.password).fill(server.adminPassword);
  await page.getByRole('button', { name: text.signIn }).click();
}

/** Waits until the list shows what the api answered for `q`, not the unfiltered page before. */
async function searchClients(page: Page, text: Text, q: string): Promise<void> {
  await page.getByPlaceholder(text.search).fill(q);
  await page.waitForURL((url) => decodeURIComponent(url.hash).includes(`"q":"${q}"`));
  await page.getByRole('link', { name: DECOY.companyName }).waitFor({ state: 'detached' });
}

describe('from a client search to Manage user', () => {
  let server: RunningServer | undefined;
  let client: ClientResponse;
  let user: ClientUserResponse;

  beforeAll(async () => {
    server = await startServer();
    const api = await signInToApi(server.url, server.adminUsername, server.adminPassword);
    client = await api.post<ClientResponse>('api/clients', CLIENT);
    await api.post<ClientResponse>('api/clients', DECOY);
    user = await api.post<ClientUserResponse>(`api/clients/${client.id}/users`, USER);
  });

  afterAll(async () => {
    await server?.stop();
  });

  // Sign-in, four pages and four accessibility checks: more than the project's 60 s default.
  it.for(JOURNEYS)('walks the support procedure in $locale', { timeout: 120_000 }, async ({ locale, text }) => {
    const browser = await openBrowser(locale);
    const { page } = browser;
    try {
      await signIn(page, server!, text);
      await page.getByRole('menuitem', { name: text.clients }).click();
      await page.waitForURL(/#\/clients/);
      await page.getByRole('link', { name: DECOY.companyName }).waitFor();

      await searchClients(page, text, 'lucia.ramirez@correo');
      const result = page.getByRole('link', { name: CLIENT.companyName });
      await result.waitFor();
      await expectAccessible(page, `the clients list searched by a user's email (${locale})`);

      await result.click();
      await page.waitForURL(new RegExp(`#/clients/${client.id}/show$`));
      await page.getByRole('heading', { level: 1, name: new RegExp(CLIENT.companyName) }).waitFor();
      await page.getByText(USER.email).first().waitFor();
      await expectAccessible(page, `the client's Summary (${locale})`);

      await page.getByRole('tab', { name: text.usersTab }).click();
      await page.waitForURL(new RegExp(`#/clients/${client.id}/show/users$`));
      await page.getByRole('cell', { name: USER.username, exact: true }).waitFor();
      await expectAccessible(page, `the client's Users tab (${locale})`);

      await page.getByRole('link', { name: `${text.manageUser} ${USER.firstName} ${USER.lastName}` }).click();
      await page.waitForURL(new RegExp(`#/users/${user.id}/show$`));
      await page.getByRole('heading', { level: 2, name: text.security }).waitFor();
      await page.getByText(text.noSignIns).waitFor();
      await expect(page.getByRole('link', { name: CLIENT.companyName }).count()).resolves.toBe(1);
      await expectAccessible(page, `Manage user (${locale})`);
    } catch (error) {
      // Before the browser closes: the page as it was when the step failed.
      await saveScreenshot(page, `client-users-${locale}`);
      throw error;
    } finally {
      await browser.close();
    }
  });
});
