import { randomBytes } from 'node:crypto';

import { generatePassword, RECOVERY_CODE_COUNT, type ClientResponse, type ClientUserResponse } from '@keydesk/domain';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uniqueRfc } from '../factories/client.factory';
import { signInToApi, type ApiClient } from '../support/browser-api';
import { expectAccessible, expectAccessibleWithoutScripts } from '../support/browser-axe';
import { openBrowser, saveScreenshot } from '../support/browser-chromium';
import { addVirtualAuthenticator } from '../support/browser-webauthn';
import { startServer, type RunningServer } from '../support/built-server';
import { SmtpSink } from '../support/smtp-sink';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../support/test-database';

const RESET_LINK = /http:\/\/localhost:\d+\/account\/password\/reset\/[\w-]{43}/;
const RECOVERY_CODE = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;
const TOTP_PERIOD_S = 30;

interface Person {
  company: string;
  firstName: string;
  lastName: string;
  email: string;
}

/** Who signs in and what they read and click, in each language; their client speaks the same one. */
const JOURNEYS = [
  {
    locale: 'es-MX',
    language: 'es',
    passkeyCustomer: {
      company: 'Papelería La Pluma',
      firstName: 'Jimena',
      lastName: 'Salas',
      email: 'jimena.salas@lapluma.example',
    },
    appCustomer: {
      company: 'Abarrotes Don Beto',
      firstName: 'Alberto',
      lastName: 'Treviño',
      email: 'alberto.trevino@donbeto.example',
    },
    passkeyName: 'Laptop de Jimena',
    text: {
      loginTitle: 'Iniciar sesión',
      email: 'Correo electrónico',
      password: 'Contraseña',
      signIn: 'Iniciar sesión',
      passkeySignIn: 'Iniciar sesión con una llave de acceso',
      signedOut: 'Cerraste la sesión.',
      accountTitle: 'Tu cuenta',
      securityLink: 'Segundo factor: aplicación de autenticación, llaves de acceso y códigos de recuperación',
      securityTitle: 'Segundo factor',
      passkeysNone: /^Aún no tienes una llave de acceso/,
      passkeyName: 'Nombre de la nueva llave de acceso',
      addPasskey: 'Agregar una llave de acceso',
      passkeyAdded: 'Tu llave de acceso está lista.',
      codesTitle: 'Tus códigos de recuperación',
      codesContinue: 'Ya los guardé: continuar',
      signOut: 'Cerrar sesión',
      secondFactorTitle: 'Confirma que eres tú',
      usePasskey: 'Usar mi llave de acceso',
      code: 'Código',
      required: /^Tu empresa exige un segundo factor/,
      addApp: 'Agregar una aplicación de autenticación',
      qrCode: 'Código QR para escanear con tu aplicación de autenticación',
      appCode: 'Código de la aplicación',
      confirm: 'Confirmar',
      appOn: 'Tu cuenta pide un código de tu aplicación de autenticación al iniciar sesión.',
    },
  },
  {
    locale: 'en-US',
    language: 'en',
    passkeyCustomer: {
      company: 'Hillside Hardware',
      firstName: 'Tom',
      lastName: 'Baker',
      email: 'tom.baker@hillside.example',
    },
    appCustomer: {
      company: 'Northwind Traders',
      firstName: 'Grace',
      lastName: 'Lee',
      email: 'grace.lee@northwind.example',
    },
    passkeyName: "Tom's laptop",
    text: {
      loginTitle: 'Sign in',
      email: 'Email address',
      password: 'Password',
      signIn: 'Sign in',
      passkeySignIn: 'Sign in with a passkey',
      signedOut: 'You signed out.',
      accountTitle: 'Your account',
      securityLink: 'Second factor: authenticator app, passkeys and recovery codes',
      securityTitle: 'Second factor',
      passkeysNone: /^You have no passkey yet/,
      passkeyName: 'Name of the new passkey',
      addPasskey: 'Add a passkey',
      passkeyAdded: 'Your passkey is ready.',
      codesTitle: 'Your recovery codes',
      codesContinue: 'I saved them: continue',
      signOut: 'Sign out',
      secondFactorTitle: 'Confirm it is you',
      usePasskey: 'Use my passkey',
      code: 'Code',
      required: /^Your company requires a second factor/,
      addApp: 'Add an authenticator app',
      qrCode: 'QR code to scan with your authenticator app',
      appCode: 'Code from the app',
      confirm: 'Confirm',
      appOn: 'Your account asks for a code from your authenticator app when you sign in.',
    },
  },
] as const;

type Text = (typeof JOURNEYS)[number]['text'];

/** The code an authenticator app holding `secret` shows in time step `step` (SHA1, 6 digits, 30 s). */
function appCode(secret: string, step: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_S }).generate({
    timestamp: step * TOTP_PERIOD_S * 1000,
  });
}

/** The time step now: the built server runs on the real clock, as this process does. */
const currentStep = () => Math.floor(Date.now() / 1000 / TOTP_PERIOD_S);

async function signInWithPassword(page: Page, text: Text, email: string, password: string): Promise<void> {
  await page.getByLabel(text.email, { exact: true }).fill(email);
  await page.getByLabel(text.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: text.signIn, exact: true }).click();
}

/** The recovery codes page after a first factor: ten codes of the documented shape, shown once. */
async function expectRecoveryCodes(page: Page, text: Text): Promise<void> {
  const codes = page.getByRole('list', { name: text.codesTitle });
  await codes.waitFor();
  const shown = await codes.getByRole('listitem').allTextContents();
  expect(shown).toHaveLength(RECOVERY_CODE_COUNT);
  for (const code of shown) expect(code).toMatch(RECOVERY_CODE);
}

/**
 * Customers' second factor in the client area, in Spanish and English: a customer adds a passkey
 * through Chromium's virtual authenticator, then signs in with the password and the passkey, and
 * with the passkey alone; another, whose company requires a second factor, adds the authenticator
 * app in a browser without JavaScript, with the code computed from the secret the page shows, and
 * signs in with the password and the app's code. Every new page passes axe.
 */
describe.each(TEST_DATABASES)("customers' second factor in the client area, on %s", (kind) => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let server: RunningServer | undefined;
  let api: ApiClient;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    sink = await SmtpSink.start();
    // PUBLIC_URL stays the default, http://localhost:<port>: the origin the browser opens, so the
    // relying party of the passkeys.
    server = await startServer({
      dataDir: database.dataDir,
      env: { DATABASE_URL: database.url, SMTP_URL: sink.url, MAIL_WORKER_INTERVAL_MS: '200' },
    });
    api = await signInToApi(server.url, server.adminUsername, server.adminPassword);
  });

  afterAll(async () => {
    await server?.stop();
    await sink?.stop();
    await database?.drop();
  });

  /**
   * A customer of a client of their own with a password they chose, through the reset link the
   * agent sends (the form needs no script, so no browser either); the client may require a factor.
   */
  async function customer(person: Person, language: string, requireTwoFactor: boolean): Promise<string> {
    const domain = person.email.split('@')[1];
    const client = await api.post<ClientResponse>('api/clients', {
      clientKey: uniqueRfc(),
      companyName: person.company,
      firstName: person.firstName,
      lastName: person.lastName,
      email: `billing@${domain}`,
      phone: '+52 55 5555 0142',
      country: 'MX',
      language,
    });
    if (requireTwoFactor) await api.put(`api/clients/${client.id}/two-factor`, { required: true });
    const user = await api.post<ClientUserResponse>(`api/clients/${client.id}/users`, {
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      username: 'admin',
      owner: true,
    });
    await api.post(`api/users/${user.id}/password-reset-email`, {});
    const link = (await sink.waitForMatch(person.email, RESET_LINK))[0];
    const form = await (await fetch(link)).text();
    const formToken = /name="formToken" value="([^"]+)"/.exec(form)![1];
    const password = generatePassword(randomBytes);
    const chosen = await fetch(link, {
      method: 'POST',
      body: new URLSearchParams({ formToken, password, confirmation: password }),
    });
    expect(chosen.status).toBe(200);
    return password;
  }

  it.for(JOURNEYS)(
    'a customer adds a passkey, then signs in with the password and the passkey, and with the passkey alone, in $locale',
    { timeout: 60_000 },
    async ({ locale, language, passkeyCustomer: person, passkeyName, text }) => {
      const password = await customer(person, language, false);
      const browser = await openBrowser(locale);
      const { page } = browser;
      // A step that cannot happen fails in seconds, with a screenshot, not at the test's timeout.
      page.setDefaultTimeout(15_000);
      try {
        await addVirtualAuthenticator(browser);
        await page.goto(`${server!.url}account/login`);
        await signInWithPassword(page, text, person.email, password);
        await page.getByRole('heading', { level: 1, name: text.accountTitle }).waitFor();

        // Security, no factor yet.
        await page.getByRole('link', { name: text.securityLink }).click();
        await page.getByRole('heading', { level: 1, name: text.securityTitle }).waitFor();
        await page.getByText(text.passkeysNone).waitFor();
        await expectAccessible(page, `the Security page without a factor (${locale})`);

        // A first passkey, named and created by the authenticator: the recovery codes, once.
        await page.getByLabel(text.passkeyName, { exact: true }).fill(passkeyName);
        await page.getByRole('button', { name: text.addPasskey }).click();
        await page.getByRole('heading', { level: 1, name: text.codesTitle }).waitFor();
        await page.getByRole('status').filter({ hasText: text.passkeyAdded }).waitFor();
        await expectRecoveryCodes(page, text);
        await expectAccessible(page, `the recovery codes of a first passkey (${locale})`);
        await page.getByRole('link', { name: text.codesContinue }).click();
        await page.getByRole('heading', { level: 1, name: text.securityTitle }).waitFor();
        await page.getByRole('listitem').filter({ hasText: passkeyName }).waitFor();
        await expectAccessible(page, `the Security page with a passkey (${locale})`);

        // Signed out, the login page offers the passkey beside the password.
        await page.getByRole('button', { name: text.signOut, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: text.loginTitle }).waitFor();
        await page.getByText(text.signedOut).waitFor();
        const passkeyAlone = page.getByRole('button', { name: text.passkeySignIn });
        await passkeyAlone.waitFor();
        await expectAccessible(page, `the login page with its passkey button (${locale})`);

        // The password, then the passkey as the second step.
        await signInWithPassword(page, text, person.email, password);
        await page.getByRole('heading', { level: 1, name: text.secondFactorTitle }).waitFor();
        const usePasskey = page.getByRole('button', { name: text.usePasskey });
        await usePasskey.waitFor();
        await expectAccessible(page, `the second step offering the passkey (${locale})`);
        await usePasskey.click();
        await page.getByRole('heading', { level: 1, name: text.accountTitle }).waitFor();

        // Signed out, the passkey alone: the authenticator finds it and verifies the person.
        await page.getByRole('button', { name: text.signOut, exact: true }).click();
        await passkeyAlone.click();
        await page.getByRole('heading', { level: 1, name: text.accountTitle }).waitFor();
        await page.getByText(person.email, { exact: true }).waitFor();
        await page.getByRole('button', { name: text.signOut, exact: true }).click();
        await page.getByText(text.signedOut).waitFor();
      } catch (error) {
        await saveScreenshot(page, `customer-passkey-${locale}-${kind}`);
        throw error;
      } finally {
        await browser.close();
      }
    },
  );

  it.for(JOURNEYS)(
    'a customer whose company requires a factor adds the authenticator app without JavaScript and signs in with it, in $locale',
    { timeout: 60_000 },
    async ({ locale, language, appCustomer: person, text }) => {
      const password = await customer(person, language, true);
      const browser = await openBrowser(locale, { javaScriptEnabled: false });
      // axe runs on what that browser built, in a browser that runs scripts.
      const judge = await openBrowser(locale);
      const { page } = browser;
      page.setDefaultTimeout(15_000);
      const expectAccessibleHere = (pageName: string) => expectAccessibleWithoutScripts(page, judge.page, pageName);
      try {
        // The password leads straight to Security, which asks for a factor before anything else.
        await page.goto(`${server!.url}account/login`);
        await signInWithPassword(page, text, person.email, password);
        await page.getByRole('heading', { level: 1, name: text.securityTitle }).waitFor();
        await page.getByRole('status').filter({ hasText: text.required }).waitFor();
        // Adding a passkey needs the script: its button stays hidden.
        await expect(page.getByRole('button', { name: text.addPasskey }).count()).resolves.toBe(0);
        await expectAccessibleHere(`the Security page requiring a factor, without JavaScript (${locale})`);

        // The app's enrolment, drawn on the server: the QR code and the key to type instead.
        await page.getByRole('button', { name: text.addApp }).click();
        await page.getByRole('heading', { level: 1, name: text.addApp }).waitFor();
        await page.getByRole('img', { name: text.qrCode }).waitFor();
        const secret = (await page.locator('code#secret').textContent())!.trim();
        expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
        await expectAccessibleHere(`the authenticator app's enrolment (${locale})`);
        const enrolledStep = currentStep();
        await page.getByLabel(text.appCode, { exact: true }).fill(appCode(secret, enrolledStep));
        await page.getByRole('button', { name: text.confirm }).click();
        await page.getByRole('heading', { level: 1, name: text.codesTitle }).waitFor();
        await expectRecoveryCodes(page, text);
        await expectAccessibleHere(`the recovery codes of the authenticator app (${locale})`);
        await page.getByRole('link', { name: text.codesContinue }).click();
        await page.getByText(text.appOn).waitFor();
        await expect(page.getByRole('status').filter({ hasText: text.required }).count()).resolves.toBe(0);
        await expectAccessibleHere(`the Security page with the app (${locale})`);

        // Signed out, the password, then the app's code, still without a script.
        await page.getByRole('button', { name: text.signOut, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: text.loginTitle }).waitFor();
        await signInWithPassword(page, text, person.email, password);
        await page.getByRole('heading', { level: 1, name: text.secondFactorTitle }).waitFor();
        await expectAccessibleHere(`the second step asking for a code, without JavaScript (${locale})`);
        // The code the app shows now; while that is still the enrolment's (each step is taken
        // once), the next one, within the one step of drift the server allows.
        await page
          .getByLabel(text.code, { exact: true })
          .fill(appCode(secret, Math.max(currentStep(), enrolledStep + 1)));
        await page.getByRole('button', { name: text.signIn, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: text.accountTitle }).waitFor();
        await page.getByText(person.email, { exact: true }).waitFor();
      } catch (error) {
        await saveScreenshot(page, `customer-app-${locale}-${kind}`);
        throw error;
      } finally {
        await browser.close();
        await judge.close();
      }
    },
  );
});
