import type { ClientResponse, ClientUserResponse } from '@keydesk/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uniqueRfc } from '../factories/client.factory';
import { signInToApi, type ApiClient } from '../support/browser-api';
import { expectAccessible } from '../support/browser-axe';
import { openBrowser, saveScreenshot, type OpenBrowser } from '../support/browser-chromium';
import { verifyCallerInBrowser } from '../support/browser-verify-caller';
import { startServer, type RunningServer } from '../support/built-server';
import { SmtpSink } from '../support/smtp-sink';

// A Spanish-speaking client: the reply, its placeholder and the new ticket's subject follow its language.
const CLIENT = {
  clientKey: uniqueRfc(),
  companyName: 'Distribuidora Gómez y Asociados',
  firstName: 'Rodrigo',
  lastName: 'Gómez',
  email: 'rodrigo@distribuidoragomez.example',
  phone: '+52 33 3614 2200',
  country: 'MX',
  language: 'es',
};
const USER = {
  email: 'paola.nunez@correo-personal.example',
  firstName: 'Paola',
  lastName: 'Núñez',
  username: 'admin',
  owner: true,
};
// The same person at an English-speaking client: there the reply and its placeholder are in English.
const ENGLISH_CLIENT = {
  ...CLIENT,
  clientKey: uniqueRfc(),
  companyName: 'Northwind Traders',
  email: 'accounts@northwind.example',
  language: 'en',
};
const EXISTING_TICKET = 'No puedo entrar a mi cuenta';
// Typed rather than generated, so the test can look for it where it must never appear.
const PASSWORD = 'lienzo tranvía cometa brújula';

async function signIn(page: Page, server: RunningServer): Promise<void> {
  await page.goto(server.url);
  await page.getByRole('textbox', { name: /^Usuario/ }).fill(server.adminUsername);
  await page.getByLabel(/^Contraseña/).fill(server.adminPassword);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await page.getByRole('heading', { level: 2, name: /^Te damos la bienvenida, / }).waitFor();
}

async function openChangePassword(page: Page, server: RunningServer, userId: number) {
  await page.goto(`${server.url}#/users/${userId}/show`);
  // The same address as before would keep the record already shown.
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Seguridad' }).waitFor();
  await page.getByRole('button', { name: 'Cambiar contraseña' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cambiar contraseña' });
  await dialog.waitFor();
  return dialog;
}

describe('Change password from Manage user, in Spanish', () => {
  let sink: SmtpSink;
  let server: RunningServer | undefined;
  let browser: OpenBrowser | undefined;
  let api: ApiClient;
  let user: ClientUserResponse;

  beforeAll(async () => {
    // The caller reads back a code mailed to an address on file before the agent types a password.
    sink = await SmtpSink.start();
    server = await startServer({ env: { SMTP_URL: sink.url, MAIL_WORKER_INTERVAL_MS: '200' } });
    api = await signInToApi(server.url, server.adminUsername, server.adminPassword);
    const client = await api.post<ClientResponse>('api/clients', CLIENT);
    user = await api.post<ClientUserResponse>(`api/clients/${client.id}/users`, USER);
    await api.post('api/tickets', {
      clientId: client.id,
      userId: user.id,
      subject: EXISTING_TICKET,
      message: 'No me deja entrar.',
      department: 'support',
      priority: 'medium',
    });
    browser = await openBrowser('es-MX');
    await signIn(browser.page, server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await sink?.stop();
  });

  it(
    'verifies the caller, then sets a typed password sent through a new ticket as a view-once link',
    { timeout: 120_000 },
    async ({ onTestFailed }) => {
      const { page } = browser!;
      onTestFailed(() => saveScreenshot(page, 'change-password'));

      // A password the agent types reaches the customer only once the caller is verified.
      await page.goto(`${server!.url}#/users/${user.id}/show`);
      await verifyCallerInBrowser(page, sink, {
        language: 'es',
        name: `${USER.firstName} ${USER.lastName}`,
        email: USER.email,
      });
      const dialog = await openChangePassword(page, server!, user.id);
      // The defaults: a generated password, a new ticket with a subject in the client's language, a view-once link.
      await expect(dialog.getByRole('radio', { name: 'Generarla (recomendado)' }).isChecked()).resolves.toBe(true);
      await expect(
        dialog.getByRole('radio', { name: 'Enlace de un solo uso (recomendado)' }).isChecked(),
      ).resolves.toBe(true);
      const subject = dialog.getByRole('textbox', { name: /^Asunto del ticket nuevo/ });
      await expect.poll(() => subject.inputValue()).toBe(`Tu acceso a ${CLIENT.companyName}`);
      await dialog.getByText('[contraseña enviada al cliente]', { exact: false }).waitFor();
      // The client's tickets are there to choose from; this time the agent keeps "open a new ticket".
      await dialog.getByRole('combobox', { name: /^Publicar la respuesta en el ticket/ }).click();
      await page.getByRole('option', { name: new RegExp(`^#\\d+ · ${EXISTING_TICKET} · Abierto$`) }).waitFor();
      await page.getByRole('option', { name: 'Abrir un ticket nuevo' }).click();

      await dialog.getByRole('radio', { name: 'Escribirla' }).check();
      await dialog.getByLabel(/^Contraseña temporal/).fill(PASSWORD);
      await dialog.getByText('Muy segura.').waitFor();
      await expectAccessible(page, 'the Change password dialog');

      await dialog.getByRole('button', { name: 'Cambiar contraseña' }).click();
      const notice = page.getByText(`se envió un enlace de un solo uso a ${USER.email}`, { exact: false });
      await notice.waitFor();
      await dialog.waitFor({ state: 'detached' });
      // The Security section, refreshed: the next sign-in must replace the temporary password.
      await page.getByText('Contraseña temporal, vence mañana').waitFor();
      await expect(notice.textContent()).resolves.toMatch(/Vence mañana\.$/);

      await page.getByRole('link', { name: /^ticket nuevo #\d+$/ }).click();
      await page.waitForURL(/#\/tickets\/\d+\/show$/);
      await page.getByRole('heading', { level: 2, name: new RegExp(`Tu acceso a ${CLIENT.companyName}`) }).waitFor();
      await page.getByText('[contraseña enviada al cliente]', { exact: false }).waitFor();
      await expect(page.content()).resolves.not.toContain(PASSWORD);
      await expectAccessible(page, 'the ticket with the temporary password reply');
    },
  );

  it(
    'mails a generated password on an existing ticket of the English-speaking client',
    { timeout: 120_000 },
    async ({ onTestFailed }) => {
      const { page } = browser!;
      onTestFailed(() => saveScreenshot(page, 'change-password-english-client'));
      const english = await api.post<ClientResponse>('api/clients', ENGLISH_CLIENT);
      await api.post(`api/clients/${english.id}/users`, { ...USER, username: 'paola', owner: false });
      await api.post('api/tickets', {
        clientId: english.id,
        userId: user.id,
        subject: 'Cannot sign in',
        message: 'It says my password is wrong.',
        department: 'support',
        priority: 'high',
      });

      const dialog = await openChangePassword(page, server!, user.id);
      await dialog.getByRole('combobox', { name: /^Cliente/ }).click();
      await page.getByRole('option', { name: ENGLISH_CLIENT.companyName }).click();
      // The subject follows the chosen client's language, not the UI's.
      const subject = dialog.getByRole('textbox', { name: /^Asunto del ticket nuevo/ });
      await expect.poll(() => subject.inputValue()).toBe(`Your access to ${ENGLISH_CLIENT.companyName}`);
      await dialog.getByRole('combobox', { name: /^Publicar la respuesta en el ticket/ }).click();
      await page.getByRole('option', { name: /^#\d+ · Cannot sign in · Abierto$/ }).click();
      await expect(subject.count()).resolves.toBe(0);
      await dialog.getByRole('radio', { name: 'La contraseña en el correo' }).check();

      await dialog.getByRole('button', { name: 'Cambiar contraseña' }).click();
      await page.getByText(`Contraseña temporal establecida: se envió a ${USER.email}`, { exact: false }).waitFor();
      await page.getByRole('link', { name: /^ticket #\d+$/ }).click();
      await page.getByRole('heading', { level: 2, name: /^#\d+ Cannot sign in$/ }).waitFor();
      await page.getByText('[password sent to the customer]', { exact: false }).waitFor();
      await expectAccessible(page, "the English-speaking client's ticket with the temporary password reply");
    },
  );
});
