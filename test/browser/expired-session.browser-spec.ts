import type { ClientResponse, ClientUserResponse, SessionResponse } from '@keydesk/domain';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uniqueRfc } from '../factories/client.factory';
import { signInToApi } from '../support/browser-api';
import { openBrowser, saveScreenshot } from '../support/browser-chromium';
import { startServer, type RunningServer } from '../support/built-server';

const CLIENT = {
  clientKey: uniqueRfc(),
  companyName: 'Refaccionaria La Tuerca',
  firstName: 'Jorge',
  lastName: 'Salinas',
  email: 'compras@latuerca.example',
  phone: '+52 81 8340 1100',
  country: 'MX',
  language: 'es',
};
const USER = {
  email: 'elena.vidal@latuerca.example',
  firstName: 'Elena',
  lastName: 'Vidal',
  username: 'admin',
  owner: true,
};

/** What the agent reads and clicks, in each language the UI speaks. */
const JOURNEYS = [
  {
    locale: 'es-MX',
    text: {
      username: /^Usuario/,
      password: /^Contraseña/,
      signIn: 'Iniciar sesión',
      security: 'Seguridad',
      resetEmail: 'Enviar correo para restablecer la contraseña',
      sendEmail: 'Enviar correo',
      emailSent: 'Correo para restablecer la contraseña en cola',
      changePassword: 'Cambiar contraseña',
      newTicketSubject: /^Asunto del ticket nuevo/,
      passwordSet: 'Contraseña temporal establecida',
    },
  },
  {
    locale: 'en-US',
    text: {
      username: /^Username/,
      password: /^Password/,
      signIn: 'Sign in',
      security: 'Security',
      resetEmail: 'Send password reset email',
      sendEmail: 'Send email',
      emailSent: 'Password reset email queued',
      changePassword: 'Change password',
      newTicketSubject: /^Subject of the new ticket/,
      passwordSet: 'Temporary password set',
    },
  },
] as const;

type Text = (typeof JOURNEYS)[number]['text'];

async function signIn(page: Page, server: RunningServer, text: Text): Promise<void> {
  await page.getByRole('textbox', { name: text.username }).fill(server.adminUsername);
  await page.getByLabel(text.password).fill(server.adminPassword);
  await page.getByRole('button', { name: text.signIn }).click();
}

async function openDialog(page: Page, name: string): Promise<Locator> {
  await page.getByRole('button', { name }).click();
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  return dialog;
}

/**
 * Signs the browser's session out behind its back, with its own cookie, as an idle timeout or a
 * revocation would end it: the page still holds the cookie and learns only at its next call.
 */
async function endSession(context: BrowserContext, baseUrl: string): Promise<void> {
  const cookie = (await context.cookies(baseUrl)).map(({ name, value }) => `${name}=${value}`).join('; ');
  const headers = { Cookie: cookie, Accept: 'application/json' };
  const session = await fetch(new URL('api/auth/session', baseUrl), { headers });
  expect(session.status).toBe(200);
  const { csrfToken } = (await session.json()) as SessionResponse;
  const logout = await fetch(new URL('api/auth/logout', baseUrl), {
    method: 'POST',
    headers: { ...headers, 'X-CSRF-Token': csrfToken },
  });
  expect(logout.ok).toBe(true);
}

/**
 * Submits a dialog whose session has ended: the api's 401 to the dialog's own call goes through the
 * auth provider's checkError, as a list's would, so the agent lands on the sign-in page, with no
 * word that the action was done.
 */
async function submitExpecting401(page: Page, submit: Locator, path: string, text: Text, done: string) {
  const answer = page.waitForResponse(
    (response) => response.request().method() === 'POST' && response.url().endsWith(path),
  );
  await submit.click();
  expect((await answer).status()).toBe(401);
  await page.getByRole('button', { name: text.signIn }).waitFor();
  expect(new URL(page.url()).hash).toBe('#/login');
  await expect(page.getByText(done, { exact: false }).count()).resolves.toBe(0);
}

describe('a Manage user dialog whose session ended', () => {
  let server: RunningServer | undefined;
  let user: ClientUserResponse;

  beforeAll(async () => {
    server = await startServer();
    const api = await signInToApi(server.url, server.adminUsername, server.adminPassword);
    const client = await api.post<ClientResponse>('api/clients', CLIENT);
    user = await api.post<ClientUserResponse>(`api/clients/${client.id}/users`, USER);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it.for(JOURNEYS)('sends the agent to sign in again, in $locale', { timeout: 120_000 }, async ({ locale, text }) => {
    const { context, page, close } = await openBrowser(locale);
    const userPage = new RegExp(`#/users/${user.id}/show$`);
    try {
      await page.goto(`${server!.url}#/users/${user.id}/show`);
      await signIn(page, server!, text);
      await page.waitForURL(userPage);
      await page.getByRole('heading', { level: 2, name: text.security }).waitFor();

      const reset = await openDialog(page, text.resetEmail);
      await endSession(context, server!.url);
      await submitExpecting401(
        page,
        reset.getByRole('button', { name: text.sendEmail }),
        `/api/users/${user.id}/password-reset-email`,
        text,
        text.emailSent,
      );

      // Signing in again leads back to Manage user, where the other dialog meets the same end.
      await signIn(page, server!, text);
      await page.waitForURL(userPage);
      const change = await openDialog(page, text.changePassword);
      const subject = change.getByRole('textbox', { name: text.newTicketSubject });
      await expect.poll(() => subject.inputValue()).toBe(`Tu acceso a ${CLIENT.companyName}`);
      await endSession(context, server!.url);
      await submitExpecting401(
        page,
        change.getByRole('button', { name: text.changePassword }),
        `/api/users/${user.id}/password`,
        text,
        text.passwordSet,
      );
    } catch (error) {
      await saveScreenshot(page, `expired-session-${locale}`);
      throw error;
    } finally {
      await close();
    }
  });
});
