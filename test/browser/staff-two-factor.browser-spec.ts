import { readFile } from 'node:fs/promises';

import { RECOVERY_CODE_COUNT } from '@keydesk/domain';
import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { expectAccessible } from '../support/browser-axe';
import { openBrowser, saveScreenshot } from '../support/browser-chromium';
import { startServer, type RunningServer } from '../support/built-server';

/** What the administrator reads and clicks, in each language the UI speaks. */
const JOURNEYS = [
  {
    locale: 'es-MX',
    text: {
      username: /^Usuario/,
      password: /^Contraseña/,
      signIn: 'Iniciar sesión',
      welcome: /^Te damos la bienvenida, /,
      profileMenu: /, menú del perfil$/,
      security: 'Seguridad',
      logout: 'Cerrar sesión',
      notice: 'Aquí el segundo factor es opcional',
      close: 'Cerrar',
      appOff: 'Desactivada: iniciar sesión solo pide tu contraseña.',
      appOn: /^Activada desde el /,
      setUp: 'Configurar la app de autenticación',
      qrCode: 'Código QR para escanear con la app de autenticación',
      confirmCode: /^Código que muestra la app/,
      turnOn: 'Activar',
      codesList: 'Tus códigos de recuperación',
      notShownAgain: 'no se volverán a mostrar',
      download: 'Descargar (.txt)',
      fileHeading: 'Códigos de recuperación de Keydesk.',
      done: 'Listo',
      codesLeft: (count: number) => `Te quedan ${count} códigos de recuperación sin usar.`,
      secondStep: 'Verificación en dos pasos',
      appCode: /^Código de la app de autenticación/,
      useRecoveryCode: 'Usar un código de recuperación',
      recoveryCode: /^Código de recuperación/,
      verify: 'Verificar',
      wrongCode: 'Ese código no es correcto o ya se usó.',
      enrolTitle: 'Configura la verificación en dos pasos',
      continue: 'Continuar a Keydesk',
      remove: 'Quitar la app de autenticación',
      lastFactor: 'Aquí se exige un segundo factor: agrega otro antes de quitar este.',
    },
  },
  {
    locale: 'en-US',
    text: {
      username: /^Username/,
      password: /^Password/,
      signIn: 'Sign in',
      welcome: /^Welcome, /,
      profileMenu: /, profile menu$/,
      security: 'Security',
      logout: 'Logout',
      notice: 'Here a second factor is optional',
      close: 'Close',
      appOff: 'Off: signing in asks for your password only.',
      appOn: /^On since /,
      setUp: 'Set up the authenticator app',
      qrCode: 'QR code to scan with the authenticator app',
      confirmCode: /^Code the app shows/,
      turnOn: 'Turn on',
      codesList: 'Your recovery codes',
      notShownAgain: 'they will not be shown again',
      download: 'Download (.txt)',
      fileHeading: 'Keydesk recovery codes.',
      done: 'Done',
      codesLeft: (count: number) => `${count} unused recovery codes left.`,
      secondStep: 'Two-step verification',
      appCode: /^Code from the authenticator app/,
      useRecoveryCode: 'Use a recovery code instead',
      recoveryCode: /^Recovery code/,
      verify: 'Verify',
      wrongCode: 'That code is not right, or it was already used.',
      enrolTitle: 'Set up two-step verification',
      continue: 'Continue to Keydesk',
      remove: 'Remove the authenticator app',
      lastFactor: 'A second factor is required here: add another one before removing this one.',
    },
  },
] as const;

type Text = (typeof JOURNEYS)[number]['text'];

/**
 * The authenticator app of the test: codes from the secret the page showed, by the real clock the
 * built api also reads. A code is good once, so each sign-in takes the next time step not yet used.
 */
class Authenticator {
  private readonly totp: OTPAuth.TOTP;
  private lastStep = -1;

  constructor(secret: string) {
    this.totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
  }

  nextCode(): string {
    // The api accepts one step either side of its own, so the step after a used one is still good.
    const step = Math.max(this.totp.counter(), this.lastStep + 1);
    this.lastStep = step;
    return this.totp.generate({ timestamp: step * this.totp.period * 1000 });
  }
}

async function signInWithPassword(page: Page, server: RunningServer, text: Text): Promise<void> {
  await page.getByRole('textbox', { name: text.username }).fill(server.adminUsername);
  await page.getByLabel(text.password).fill(server.adminPassword);
  await page.getByRole('button', { name: text.signIn }).click();
}

async function signOut(page: Page, text: Text): Promise<void> {
  await page.getByRole('button', { name: text.profileMenu }).click();
  await page.getByRole('menuitem', { name: text.logout }).click();
  await page.getByRole('button', { name: text.signIn }).waitFor();
}

/** Enrols the authenticator app, up to the recovery codes; returns the app and the codes as downloaded. */
async function enrol(page: Page, text: Text): Promise<{ app: Authenticator; codes: string[] }> {
  await page.getByRole('button', { name: text.setUp }).click();
  await page.getByRole('img', { name: text.qrCode }).waitFor();
  const secret = ((await page.locator('code').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expectAccessible(page, 'the enrolment of the authenticator app');

  const app = new Authenticator(secret);
  await page.getByRole('textbox', { name: text.confirmCode }).fill(app.nextCode());
  await page.getByRole('button', { name: text.turnOn }).click();

  const list = page.getByRole('list', { name: text.codesList });
  await list.waitFor();
  await page.getByText(text.notShownAgain, { exact: false }).waitFor();
  const shown = (await list.getByRole('listitem').allTextContents()).map((code) => code.trim());
  expect(shown).toHaveLength(RECOVERY_CODE_COUNT);
  await expectAccessible(page, 'the recovery codes');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: text.download }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('keydesk-recovery-codes.txt');
  const saved = await readFile(await download.path(), 'utf8');
  expect(saved.startsWith(text.fileHeading)).toBe(true);
  const codes = saved.split('\n').slice(2).filter(Boolean);
  expect(codes).toEqual(shown);
  return { app, codes };
}

describe('staff two-step verification', () => {
  it.for(JOURNEYS)(
    'an administrator enrols the authenticator app and signs in with it and a recovery code, in $locale',
    { timeout: 240_000 },
    async ({ locale, text }) => {
      const server = await startServer();
      const { page, close } = await openBrowser(locale);
      try {
        await page.goto(server.url);
        await signInWithPassword(page, server, text);
        await page.getByRole('heading', { level: 2, name: text.welcome }).waitFor();

        // My account → Security, from the user menu; the policy notice goes once dismissed.
        await page.getByRole('button', { name: text.profileMenu }).click();
        await page.getByRole('menuitem', { name: text.security }).click();
        await page.waitForURL(/#\/security$/);
        await page.getByRole('heading', { level: 1, name: text.security }).waitFor();
        const notice = page.getByRole('alert').filter({ hasText: text.notice });
        await notice.waitFor();
        await expectAccessible(page, 'the Security page');
        await notice.getByRole('button', { name: text.close }).click();
        await page.reload();
        await page.getByText(text.appOff).waitFor();
        await expect(notice.count()).resolves.toBe(0);

        await page.getByText(text.appOff).waitFor();
        const { app, codes } = await enrol(page, text);
        await page.getByRole('button', { name: text.done }).click();
        await page.getByText(text.appOn).waitFor();
        await page.getByText(text.codesLeft(RECOVERY_CODE_COUNT)).waitFor();
        await expect(page.getByRole('list', { name: text.codesList }).count()).resolves.toBe(0);

        // Password, then a wrong code (said, and the page stays), then the app's code.
        await signOut(page, text);
        await signInWithPassword(page, server, text);
        await page.getByRole('heading', { level: 2, name: text.secondStep }).waitFor();
        await expectAccessible(page, 'the second step of signing in');
        const appCode = page.getByRole('textbox', { name: text.appCode });
        await expect(appCode.getAttribute('autocomplete')).resolves.toBe('one-time-code');
        await expect(appCode.getAttribute('inputmode')).resolves.toBe('numeric');
        const good = app.nextCode();
        await appCode.fill(String((Number(good) + 500_000) % 1_000_000).padStart(6, '0'));
        await page.getByRole('button', { name: text.verify }).click();
        await page.getByText(text.wrongCode, { exact: false }).waitFor();
        await appCode.fill(good);
        await page.getByRole('button', { name: text.verify }).click();
        await page.getByRole('heading', { level: 2, name: text.welcome }).waitFor();

        // A recovery code instead, after a reload half-way: the second step resumes, and the
        // sign-in still leads to the page that asked for it.
        await signOut(page, text);
        await page.goto(`${server.url}#/security`);
        await signInWithPassword(page, server, text);
        await page.getByRole('heading', { level: 2, name: text.secondStep }).waitFor();
        await page.reload();
        await page.getByRole('heading', { level: 2, name: text.secondStep }).waitFor();
        await page.getByRole('switch', { name: text.useRecoveryCode }).check();
        await page.getByRole('textbox', { name: text.recoveryCode }).fill(codes[0]);
        await expectAccessible(page, 'the second step with a recovery code');
        await page.getByRole('button', { name: text.verify }).click();
        await page.waitForURL(/#\/security$/);
        await page.getByText(text.codesLeft(RECOVERY_CODE_COUNT - 1)).waitFor();
      } catch (error) {
        await saveScreenshot(page, `staff-two-factor-${locale}`);
        throw error;
      } finally {
        await close();
        await server.stop();
      }
    },
  );
});

describe('staff two-step verification where the policy requires it', () => {
  it.for(JOURNEYS)(
    'a staff member with no factor yet enrols at sign-in, and cannot remove the last one, in $locale',
    { timeout: 240_000 },
    async ({ locale, text }) => {
      const server = await startServer({ env: { STAFF_TWO_FACTOR: 'required' } });
      const { page, close } = await openBrowser(locale);
      try {
        await page.goto(server.url);
        await signInWithPassword(page, server, text);
        await page.getByRole('heading', { level: 2, name: text.enrolTitle }).waitFor();
        await expectAccessible(page, 'the enrolment required at sign-in');
        await enrol(page, text);
        await page.getByRole('button', { name: text.continue }).click();
        await page.getByRole('heading', { level: 2, name: text.welcome }).waitFor();

        await page.goto(`${server.url}#/security`);
        await page.getByText(text.appOn).waitFor();
        await expect(page.getByRole('alert').filter({ hasText: text.notice }).count()).resolves.toBe(0);
        await page.getByRole('button', { name: text.remove }).click();
        const dialog = page.getByRole('dialog', { name: text.remove });
        await dialog.getByRole('button', { name: text.remove }).click();
        await dialog.getByRole('alert').filter({ hasText: text.lastFactor }).waitFor();
        // Judged once faded in: mid-transition every colour fails the contrast check.
        // (A ripple cut short rejects its promise: finished all the same.)
        await page.evaluate(() =>
          Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
        );
        await expectAccessible(page, 'the refused removal of the last factor');
      } catch (error) {
        await saveScreenshot(page, `staff-two-factor-required-${locale}`);
        throw error;
      } finally {
        await close();
        await server.stop();
      }
    },
  );
});
