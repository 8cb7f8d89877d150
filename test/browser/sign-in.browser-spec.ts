import type { SessionResponse } from '@keydesk/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expectAccessible } from '../support/browser-axe';
import { openBrowser, saveScreenshot, type OpenBrowser } from '../support/browser-chromium';
import { startServer, type RunningServer } from '../support/built-server';

async function signedInStaffName(page: Page): Promise<string> {
  const session = await page.evaluate(async () => {
    const response = await fetch('/api/auth/session', { credentials: 'same-origin' });
    return (await response.json()) as SessionResponse;
  });
  return session.staff.displayName;
}

describe('signing in to the admin UI', () => {
  let server: RunningServer | undefined;
  let browser: OpenBrowser | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser('es-MX');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in, browses staff and roles, switches to English and signs out', async ({ onTestFailed }) => {
    const { page } = browser!;
    const { url, adminUsername, adminPassword } = server!;
    onTestFailed(() => saveScreenshot(page, 'sign-in'));

    await page.goto(url);
    const signIn = page.getByRole('button', { name: 'Iniciar sesión' });
    await signIn.waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await page.getByRole('heading', { level: 1, name: 'Keydesk' }).waitFor();
    await expectAccessible(page, 'the login page');

    await page.getByRole('textbox', { name: /^Usuario/ }).fill(adminUsername);
    await page.getByLabel(/^Contraseña/).fill(adminPassword);
    await signIn.click();

    const welcome = page.getByRole('heading', { level: 2, name: /^Te damos la bienvenida, / });
    await welcome.waitFor();
    await expect(welcome.textContent()).resolves.toContain(await signedInStaffName(page));
    await page.getByText('Gestionar el personal y los roles').waitFor();
    await page.getByText('Base de datos').waitFor();
    await expectAccessible(page, 'the dashboard');

    await page.getByRole('menuitem', { name: 'Personal' }).click();
    await page.waitForURL(/#\/staff$/);
    await page.getByRole('cell', { name: adminUsername, exact: true }).waitFor();
    await expectAccessible(page, 'the staff list');

    await page.getByRole('menuitem', { name: 'Roles' }).click();
    await page.waitForURL(/#\/roles$/);
    await page.getByRole('cell', { name: 'Supervisor', exact: true }).waitFor();
    await expectAccessible(page, 'the roles list');

    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Staff' }).waitFor();
    await page.getByText('Staff members', { exact: true }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expectAccessible(page, 'the roles list in English');

    await page.getByRole('button', { name: /, profile menu$/ }).click();
    await page.getByRole('menuitem', { name: 'Logout' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/login');
    await expectAccessible(page, 'the login page in English');
  });
});
