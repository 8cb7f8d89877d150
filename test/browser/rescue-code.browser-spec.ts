import { randomBytes } from 'node:crypto';

import { generatePassword, type ClientResponse, type ClientUserResponse } from '@keydesk/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uniqueRfc } from '../factories/client.factory';
import { signInToApi } from '../support/browser-api';
import { expectAccessible } from '../support/browser-axe';
import { openBrowser, saveScreenshot } from '../support/browser-chromium';
import { startServer, type RunningServer } from '../support/built-server';
import { SmtpSink } from '../support/smtp-sink';

const CLIENT = {
  clientKey: uniqueRfc(),
  companyName: 'Papelería El Lápiz',
  firstName: 'Ana',
  lastName: 'López',
  email: 'compras@ellapiz.example',
  phone: '+52 55 5555 0101',
  country: 'MX',
  language: 'es',
};
const CONTACT = {
  firstName: 'Jorge',
  lastName: 'Sánchez',
  email: 'sistemas@ellapiz.example',
  receivesSecurityEmails: true,
};
const USER = {
  email: 'rosa.mendez@ellapiz.example',
  firstName: 'Rosa',
  lastName: 'Méndez',
  username: 'admin',
  owner: true,
};
// The client's primary email, the contact that receives security emails and the user's own.
const REGISTERED_ADDRESSES = [CLIENT.email, CONTACT.email, USER.email];

// Crockford's base32 (no I, L, O or U), shown as two groups of five.
const RESCUE_CODE = /^([0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5})$/m;
const NEW_PASSWORD = /^La nueva contraseña temporal es:\n(.+)$/m;

/** The same secret, mailed to every registered address of the account. */
async function mailedToEveryAddress(sink: SmtpSink, pattern: RegExp): Promise<string> {
  const secrets = await Promise.all(
    REGISTERED_ADDRESSES.map(async (address) => (await sink.waitForMatch(address, pattern))[1]),
  );
  expect(new Set(secrets).size, `${pattern} differs between the addresses`).toBe(1);
  return secrets[0];
}

async function signInAsAgent(page: Page, server: RunningServer): Promise<void> {
  await page.goto(server.url);
  await page.getByRole('textbox', { name: /^Usuario/ }).fill(server.adminUsername);
  await page.getByLabel(/^Contraseña/).fill(server.adminPassword);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await page.getByRole('menuitem', { name: 'Clientes' }).waitFor();
}

/**
 * The XPD procedure in Spanish, with nothing set up but the account: the customer who forgot
 * their password asks for a rescue code with the client key and user name, gets it at every
 * registered address, trades it for a mailed temporary password, signs in with it and chooses
 * their own. Then the agent sees the used code on Manage user. Every customer page passes axe.
 */
describe('the customer rescues their access with a code', () => {
  let sink: SmtpSink;
  let server: RunningServer | undefined;
  let client: ClientResponse;
  let user: ClientUserResponse;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    server = await startServer({ env: { SMTP_URL: sink.url, MAIL_WORKER_INTERVAL_MS: '200' } });
    const api = await signInToApi(server.url, server.adminUsername, server.adminPassword);
    client = await api.post<ClientResponse>('api/clients', CLIENT);
    await api.post(`api/clients/${client.id}/contacts`, CONTACT);
    user = await api.post<ClientUserResponse>(`api/clients/${client.id}/users`, USER);
  });

  afterAll(async () => {
    await server?.stop();
    await sink?.stop();
  });

  it('from "forgot your password" to a password of their own', { timeout: 180_000 }, async () => {
    const customer = await openBrowser('es-MX');
    const agent = await openBrowser('es-MX');
    const page = customer.page;
    try {
      await page.goto(`${server!.url}account/login`);
      await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
      await expectAccessible(page, 'the client-area sign-in');
      await page.getByRole('link', { name: '¿Olvidaste tu contraseña?' }).click();
      await page.getByRole('heading', { level: 1, name: 'Recupera tu contraseña' }).waitFor();
      await expectAccessible(page, 'the rescue page');
      await page.getByRole('link', { name: 'Generar código de rescate' }).click();
      await page.getByRole('heading', { level: 1, name: 'Generar código de rescate' }).waitFor();
      await expectAccessible(page, 'the rescue code request');
      await page.getByLabel('Clave de cliente (RFC)').fill(client.clientKey);
      await page.getByLabel('Nombre de usuario').fill(USER.username);
      await page.getByRole('button', { name: 'Enviar código de rescate' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Si la clave de cliente y el usuario corresponden a una cuenta activa/ })
        .waitFor();
      await page.getByRole('heading', { level: 1, name: 'Recupera tu contraseña' }).waitFor();
      await expectAccessible(page, 'the rescue page after a code was sent');

      // The form keeps the key and user name it was asked with; the code is typed as it comes, in lower case.
      const code = await mailedToEveryAddress(sink, RESCUE_CODE);
      await expect(page.getByLabel('Clave de cliente (RFC)').inputValue()).resolves.toBe(client.clientKey);
      await expect(page.getByLabel('Nombre de usuario').inputValue()).resolves.toBe(USER.username);
      await page.getByLabel('Código de rescate').fill(code.toLowerCase());
      await page.getByRole('button', { name: 'Generar contraseña' }).click();
      await page.getByRole('heading', { level: 1, name: 'Listo' }).waitFor();
      await page
        .getByText('Enviamos una nueva contraseña temporal a los correos registrados de la cuenta.', { exact: false })
        .waitFor();
      await expectAccessible(page, 'the rescue done page');

      const temporary = await mailedToEveryAddress(sink, NEW_PASSWORD);
      await page.getByRole('link', { name: 'Iniciar sesión' }).click();
      await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
      await page.getByLabel('Clave de cliente (RFC)').fill(client.clientKey);
      await page.getByLabel('Nombre de usuario').fill(USER.username);
      await page.getByLabel('Contraseña', { exact: true }).fill(temporary);
      await expectAccessible(page, 'the sign-in with client key');
      await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Cambia tu contraseña' }).waitFor();
      await expectAccessible(page, 'the forced password change');
      const own = generatePassword(randomBytes);
      await page.getByLabel('Nueva contraseña', { exact: true }).fill(own);
      await page.getByLabel('Repite la nueva contraseña').fill(own);
      await page.getByRole('button', { name: 'Guardar contraseña' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tu cuenta' }).waitFor();
      await page.getByText(client.clientKey).waitFor();
      await expectAccessible(page, 'the account page');

      // The agent: the client's Users tab → Manage user shows the code, used, and what it did.
      await signInAsAgent(agent.page, server!);
      await agent.page.goto(`${server!.url}#/clients/${client.id}/show/users`);
      await agent.page.getByRole('link', { name: `Administrar usuario ${USER.firstName} ${USER.lastName}` }).click();
      await agent.page.waitForURL(new RegExp(`#/users/${user.id}/show$`));
      const section = agent.page.getByRole('region', { name: 'Códigos de rescate' });
      const row = section.getByRole('row').filter({ has: agent.page.getByText('Usado', { exact: true }) });
      await row.waitFor();
      await expect(row.getByRole('link', { name: CLIENT.companyName }).count()).resolves.toBe(1);
      await row.getByText('3 direcciones', { exact: true }).waitFor();
      await row.getByText(/contraseña enviada por correo · desde /).waitFor();
      await expect(section.getByRole('row').count()).resolves.toBe(2);
      await expectAccessible(agent.page, 'Manage user with a used rescue code');
    } catch (error) {
      await saveScreenshot(page, 'rescue-code-customer');
      await saveScreenshot(agent.page, 'rescue-code-agent');
      throw error;
    } finally {
      await customer.close();
      await agent.close();
    }
  });
});
