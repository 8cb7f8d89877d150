import { randomBytes } from 'node:crypto';

import { generatePassword, type ClientResponse, type ClientUserResponse, type TicketResponse } from '@keydesk/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uniqueRfc } from '../factories/client.factory';
import { signInToApi, type ApiClient } from '../support/browser-api';
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
const USER = {
  email: 'rosa.mendez@ellapiz.example',
  firstName: 'Rosa',
  lastName: 'Méndez',
  username: 'admin',
  owner: true,
};

async function choosePassword(page: Page, password: string): Promise<void> {
  await page.getByLabel('Nueva contraseña', { exact: true }).fill(password);
  await page.getByLabel('Repite la nueva contraseña').fill(password);
  await page.getByRole('button', { name: 'Guardar contraseña' }).click();
}

/**
 * The procedure from both sides, in Spanish: the agent sends a reset email from Manage user; the
 * customer follows the mailed link, chooses a password and signs in with their email. Then a
 * temporary password with a view-once link: the customer reveals it, signs in with the client key
 * and user name, must choose their own, and signs out. Every customer page passes axe.
 */
describe('the customer gets their access back', () => {
  let sink: SmtpSink;
  let server: RunningServer | undefined;
  let api: ApiClient;
  let client: ClientResponse;
  let user: ClientUserResponse;
  let ticket: TicketResponse;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    server = await startServer({ env: { SMTP_URL: sink.url, MAIL_WORKER_INTERVAL_MS: '200' } });
    api = await signInToApi(server.url, server.adminUsername, server.adminPassword);
    client = await api.post<ClientResponse>('api/clients', CLIENT);
    user = await api.post<ClientUserResponse>(`api/clients/${client.id}/users`, USER);
    ticket = await api.post<TicketResponse>('api/tickets', {
      clientId: client.id,
      userId: user.id,
      subject: 'No puedo entrar',
      message: 'Olvidé mi contraseña.',
      department: 'support',
      priority: 'medium',
    });
  });

  afterAll(async () => {
    await server?.stop();
    await sink?.stop();
  });

  it('by a reset link the agent sends, then by a temporary password revealed once', { timeout: 180_000 }, async () => {
    const agent = await openBrowser('es-MX');
    const customer = await openBrowser('es-MX');
    const page = customer.page;
    try {
      // The agent: Manage user → Send password reset email, telling the customer on the ticket.
      await agent.page.goto(server!.url);
      await agent.page.getByRole('textbox', { name: /^Usuario/ }).fill(server!.adminUsername);
      await agent.page.getByLabel(/^Contraseña/).fill(server!.adminPassword);
      await agent.page.getByRole('button', { name: 'Iniciar sesión' }).click();
      await agent.page.getByRole('menuitem', { name: 'Clientes' }).waitFor();
      await agent.page.goto(`${server!.url}#/users/${user.id}/show`);
      await agent.page.getByRole('button', { name: 'Enviar correo para restablecer la contraseña' }).click();
      const dialog = agent.page.getByRole('dialog', { name: 'Enviar correo para restablecer la contraseña' });
      await dialog.getByText('60 minutos').waitFor();
      await dialog.getByRole('combobox', { name: 'Avisar al cliente en el ticket' }).click();
      await agent.page.getByRole('option', { name: new RegExp(ticket.subject) }).click();
      await dialog.getByRole('button', { name: 'Enviar correo' }).click();
      await agent.page.getByText(`Correo para restablecer la contraseña en cola para ${USER.email}`).waitFor();
      await agent.page.getByRole('cell', { name: 'Enviado', exact: true }).waitFor();

      // The customer: the mailed link, a password of their own, then sign-in by email.
      const resetLink = (
        await sink.waitForMatch(USER.email, /http:\/\/localhost:\d+\/account\/password\/reset\/[\w-]{43}/)
      )[0];
      await page.goto(resetLink.replace(/^http:\/\/localhost:\d+\//, server!.url));
      await page.getByRole('heading', { level: 1, name: 'Elige una nueva contraseña' }).waitFor();
      await expectAccessible(page, 'the reset page');
      await page.getByLabel('Nueva contraseña', { exact: true }).fill('corta');
      await expect(page.locator('#password-meter-text').textContent()).resolves.toMatch(/5 caracteres/);
      const chosen = generatePassword(randomBytes);
      await choosePassword(page, chosen);
      await page.getByRole('heading', { level: 1, name: 'Tu contraseña se cambió' }).waitFor();
      await page.getByRole('link', { name: 'Ir a iniciar sesión' }).click();
      await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
      await expectAccessible(page, 'the client-area sign-in');
      await page.getByLabel('Correo electrónico').fill(USER.email);
      await page.getByLabel('Contraseña', { exact: true }).fill(chosen);
      await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Tu cuenta' }).waitFor();
      await page.getByText(client.clientKey).waitFor();
      await expectAccessible(page, 'the account page');

      // The agent set a temporary password (its dialog has its own browser test); the customer's side.
      await api.post(`api/users/${user.id}/password`, { generate: true, ticketId: ticket.id });
      const revealLink = (
        await sink.waitForMatch(USER.email, /http:\/\/localhost:\d+\/account\/password\/reveal\/[\w-]{43}/)
      )[0];
      await page.goto(revealLink.replace(/^http:\/\/localhost:\d+\//, server!.url));
      // The agent's change ended the session the customer had.
      await page.getByRole('button', { name: 'Mostrar la contraseña' }).waitFor();
      await expectAccessible(page, 'the view-once link');
      await page.getByRole('button', { name: 'Mostrar la contraseña' }).click();
      const temporary = (await page.locator('#temporary-password').textContent())!;
      expect(temporary.length).toBeGreaterThanOrEqual(15);
      await expectAccessible(page, 'the revealed password');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Este enlace ya no funciona' }).waitFor();

      await page.goto(`${server!.url}account/login`);
      await page.getByRole('link', { name: 'Iniciar sesión con clave de cliente y nombre de usuario' }).click();
      await page.getByLabel('Clave de cliente (RFC)').fill(client.clientKey.toLowerCase());
      await page.getByLabel('Nombre de usuario').fill(USER.username);
      await page.getByLabel('Contraseña', { exact: true }).fill(temporary);
      await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Cambia tu contraseña' }).waitFor();
      await expectAccessible(page, 'the forced password change');
      await page.goto(`${server!.url}account/`);
      await page.getByRole('heading', { level: 1, name: 'Cambia tu contraseña' }).waitFor();
      const own = generatePassword(randomBytes);
      await choosePassword(page, own);
      await page.getByRole('heading', { level: 1, name: 'Tu cuenta' }).waitFor();
      await page.getByRole('button', { name: 'Cerrar sesión' }).click();
      await page.getByText('Cerraste la sesión.').waitFor();
    } catch (error) {
      await saveScreenshot(agent.page, 'customer-password-agent');
      await saveScreenshot(page, 'customer-password-customer');
      throw error;
    } finally {
      await agent.close();
      await customer.close();
    }
  });
});
