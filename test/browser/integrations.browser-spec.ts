import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expectAccessible } from '../support/browser-axe';
import { openBrowser, saveScreenshot } from '../support/browser-chromium';
import { startServer, type RunningServer } from '../support/built-server';

/** What an administrator reads and clicks on the Integrations page, in each language. */
const JOURNEYS = [
  {
    locale: 'es-MX',
    tokenName: 'Sincronización del CRM',
    hook: 'http://127.0.0.1:9/keydesk/es',
    text: {
      username: /^Usuario/,
      password: /^Contraseña/,
      signIn: 'Iniciar sesión',
      menu: 'Integraciones',
      newToken: 'Nuevo token',
      name: /^Nombre/,
      permission: 'Ver clientes',
      makeToken: 'Crear el token',
      tokenTitle: (name: string) => `El token “${name}”`,
      token: /^Token/,
      done: 'Listo',
      revokeNamed: (name: string) => `Revocar el token ${name}`,
      revoke: 'Revocar',
      revoked: (name: string) => `Se revocó el token “${name}”.`,
      register: 'Registrar un webhook',
      url: /^Dirección/,
      event: 'Usuario bloqueado',
      submitHook: 'Registrar',
      secret: /^Secreto de firma/,
      removeNamed: (url: string) => `Eliminar el webhook ${url}`,
      remove: 'Eliminar',
      removed: (url: string) => `Se eliminó el webhook a ${url}.`,
    },
  },
  {
    locale: 'en-US',
    tokenName: 'CRM sync',
    hook: 'http://127.0.0.1:9/keydesk/en',
    text: {
      username: /^Username/,
      password: /^Password/,
      signIn: 'Sign in',
      menu: 'Integrations',
      newToken: 'New token',
      name: /^Name/,
      permission: 'See clients',
      makeToken: 'Make the token',
      tokenTitle: (name: string) => `The token “${name}”`,
      token: /^Token/,
      done: 'Done',
      revokeNamed: (name: string) => `Revoke the token ${name}`,
      revoke: 'Revoke',
      revoked: (name: string) => `The token “${name}” was revoked.`,
      register: 'Register a webhook',
      url: /^Address/,
      event: 'User locked',
      submitHook: 'Register',
      secret: /^Signing secret/,
      removeNamed: (url: string) => `Remove the webhook ${url}`,
      remove: 'Remove',
      removed: (url: string) => `The webhook to ${url} was removed.`,
    },
  },
];

/**
 * An administrator makes an API token on the Integrations page, sees it once, a program uses it,
 * and the administrator revokes it: the program is refused at once. Then a webhook is registered,
 * its signing secret shown once, and removed. Every dialog passes axe.
 */
describe('integrations in the admin UI', () => {
  let server: RunningServer | undefined;

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it.for(JOURNEYS)(
    'makes and revokes a token, registers and removes a webhook in $locale',
    { timeout: 180_000 },
    async ({ locale, tokenName, hook, text }) => {
      const { page, close } = await openBrowser(locale);
      const asProgram = (token: string) =>
        fetch(`${server!.url}api/clients?range=[0,0]`, { headers: { Authorization: `Bearer ${token}` } });
      try {
        await page.goto(server!.url);
        await page.getByRole('textbox', { name: text.username }).fill(server!.adminUsername);
        await page.getByLabel(text.password).fill(server!.adminPassword);
        await page.getByRole('button', { name: text.signIn }).click();
        // From the menu, once signed in (the sign-in page goes to the dashboard first).
        await page.getByText(text.menu, { exact: true }).click();

        // A token: signing in just now is the step-up its creation takes.
        await page.getByRole('button', { name: text.newToken }).click();
        const create = page.getByRole('dialog');
        await create.getByRole('textbox', { name: text.name }).fill(tokenName);
        await create.getByRole('checkbox', { name: text.permission }).check();
        await expectAccessible(page, `new token (${locale})`);
        await create.getByRole('button', { name: text.makeToken }).click();
        const shown = page.getByRole('dialog', { name: text.tokenTitle(tokenName) });
        const token = await shown.getByRole('textbox', { name: text.token }).inputValue();
        expect(token).toMatch(/^kd_/);
        expect((await asProgram(token)).status).toBe(200);
        await shown.getByRole('button', { name: text.done }).click();

        await page.getByRole('button', { name: text.revokeNamed(tokenName) }).click();
        await page.getByRole('dialog').getByRole('button', { name: text.revoke }).click();
        await expect.poll(() => page.getByText(text.revoked(tokenName)).isVisible()).toBe(true);
        expect((await asProgram(token)).status).toBe(401);

        // A webhook: its signing secret, this once.
        await page.goto(`${server!.url}#/integrations/webhooks`);
        await page.getByRole('button', { name: text.register }).click();
        const register = page.getByRole('dialog');
        await register.getByRole('textbox', { name: text.url }).fill(hook);
        await register.getByRole('checkbox', { name: text.event }).check();
        await register.getByRole('button', { name: text.submitHook, exact: true }).click();
        const secret = await page.getByRole('dialog').getByRole('textbox', { name: text.secret }).inputValue();
        expect(secret).toMatch(/^whsec_/);
        await expectAccessible(page, `webhook secret (${locale})`);
        await page.getByRole('dialog').getByRole('button', { name: text.done }).click();

        await page.getByRole('button', { name: text.removeNamed(hook) }).click();
        await page.getByRole('dialog').getByRole('button', { name: text.remove }).click();
        await expect.poll(() => page.getByText(text.removed(hook)).isVisible()).toBe(true);
        await expect.poll(() => page.getByRole('button', { name: text.removeNamed(hook) }).count()).toBe(0);
      } catch (error) {
        await saveScreenshot(page, `integrations-${locale}`);
        throw error;
      } finally {
        await close();
      }
    },
  );
});
