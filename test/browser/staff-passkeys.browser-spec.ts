import { randomBytes } from 'node:crypto';

import {
  ApprovalState,
  generatePassword,
  RECOVERY_CODE_COUNT,
  type ApprovalResponse,
  type ClientResponse,
  type ClientUserResponse,
  type RoleResponse,
  type SessionResponse,
  type StaffResponse,
} from '@keydesk/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { uniqueRfc } from '../factories/client.factory';
import { signInToApi } from '../support/browser-api';
import { expectAccessible } from '../support/browser-axe';
import { openBrowser, saveScreenshot } from '../support/browser-chromium';
import { verifyCallerInBrowser } from '../support/browser-verify-caller';
import { addVirtualAuthenticator } from '../support/browser-webauthn';
import { startServer, type RunningServer } from '../support/built-server';
import { SmtpSink } from '../support/smtp-sink';

// One minute, the least the api takes: the test waits it out rather than moving a clock the built api cannot see.
const STEP_UP_MINUTES = 1;
const PASSKEY_NAME = 'Laptop de soporte';
// Typed into Change password before the step-up, so the test can see the api got it without retyping.
const TYPED_PASSWORD = 'lienzo tranvía cometa brújula';
const LUCIA = { email: 'lucia.ortiz@latuerca.example', firstName: 'Lucía', lastName: 'Ortiz' };

/** What the administrator reads and clicks, in each language the UI speaks. */
const JOURNEYS = [
  {
    locale: 'es-MX',
    language: 'es',
    text: {
      username: /^Usuario/,
      password: /^Contraseña/,
      signIn: 'Iniciar sesión',
      welcome: /^Te damos la bienvenida, /,
      profileMenu: /, menú del perfil$/,
      logout: 'Cerrar sesión',
      securityTitle: 'Seguridad',
      noPasskeys: 'Aún no tienes llaves de acceso.',
      addPasskey: 'Agregar una llave de acceso',
      passkeyName: /^Nombre de la llave de acceso/,
      createPasskey: 'Crear la llave de acceso',
      passkeysList: 'Tus llaves de acceso',
      never: 'Nunca',
      codesList: 'Tus códigos de recuperación',
      done: 'Listo',
      ceremonyFailed: 'No se usó la llave de acceso',
      cancel: 'Cancelar',
      sessions: 'Dónde tienes la sesión iniciada',
      currentSession: 'Sesión actual',
      byPassword: 'Contraseña',
      byPasskey: 'Llave de acceso',
      secondStep: 'Verificación en dos pasos',
      usePasskey: 'Usar una llave de acceso',
      changePassword: 'Cambiar contraseña',
      typeOne: 'Escribirla',
      temporaryPassword: /^Contraseña temporal/,
      stepUpTitle: 'Confirma que eres tú',
      stepUpRefused: 'Esta acción requiere que vuelvas a confirmar que eres tú',
      sent: 'Contraseña temporal establecida: se envió un enlace de un solo uso',
      setPassword: 'Asignar contraseña',
      resetFactors: 'Restablecer segundos factores',
      resetTitle: (name: string) => `¿Restablecer los segundos factores de ${name}?`,
      reason: /^Motivo/,
      reset: 'Restablecer',
      required: 'Obligatorio',
      resetDone: (name: string) => `Se restablecieron los segundos factores de ${name}.`,
      approvalRequired: 'requiere la aprobación de una segunda persona',
      askApproval: 'Pedir aprobación',
      sendRequest: 'Enviar solicitud',
      waiting: (id: number) => `Tu solicitud #${id} espera a un supervisor.`,
      useApproval: (id: number) => `Usar la aprobación #${id}`,
    },
  },
  {
    locale: 'en-US',
    language: 'en',
    text: {
      username: /^Username/,
      password: /^Password/,
      signIn: 'Sign in',
      welcome: /^Welcome, /,
      profileMenu: /, profile menu$/,
      logout: 'Logout',
      securityTitle: 'Security',
      noPasskeys: 'No passkeys yet.',
      addPasskey: 'Add a passkey',
      passkeyName: /^Passkey name/,
      createPasskey: 'Create the passkey',
      passkeysList: 'Your passkeys',
      never: 'Never',
      codesList: 'Your recovery codes',
      done: 'Done',
      ceremonyFailed: 'The passkey was not used',
      cancel: 'Cancel',
      sessions: 'Where you are signed in',
      currentSession: 'Current session',
      byPassword: 'Password',
      byPasskey: 'Passkey',
      secondStep: 'Two-step verification',
      usePasskey: 'Use a passkey',
      changePassword: 'Change password',
      typeOne: 'Type one',
      temporaryPassword: /^Temporary password/,
      stepUpTitle: 'Confirm it is you',
      stepUpRefused: 'This action needs you to prove it is you again',
      sent: 'Temporary password set: a view-once link was emailed',
      setPassword: 'Set password',
      resetFactors: 'Reset second factors',
      resetTitle: (name: string) => `Reset the second factors of ${name}?`,
      reason: /^Reason/,
      reset: 'Reset',
      required: 'Required',
      resetDone: (name: string) => `The second factors of ${name} were reset.`,
      approvalRequired: 'needs the approval of a second person',
      askApproval: 'Ask for approval',
      sendRequest: 'Send request',
      waiting: (id: number) => `Your request #${id} waits for a supervisor.`,
      useApproval: (id: number) => `Use approval #${id}`,
    },
  },
] as const;

type Text = (typeof JOURNEYS)[number]['text'];

async function signInWithPassword(page: Page, server: RunningServer, text: Text): Promise<void> {
  await page.getByRole('textbox', { name: text.username }).fill(server.adminUsername);
  await page.getByLabel(text.password).fill(server.adminPassword);
  await page.getByRole('button', { name: text.signIn }).click();
}

async function openSecurity(page: Page, server: RunningServer, text: Text): Promise<void> {
  await page.goto(`${server.url}#/security`);
  await page.getByRole('heading', { level: 1, name: text.securityTitle }).waitFor();
}

/** Judged once faded in: mid-transition every colour fails the contrast check. Endless ones (a spinner) never finish. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/** The customer whose password the agent changes, made over the api. */
async function customerUser(server: RunningServer): Promise<{ client: ClientResponse; user: ClientUserResponse }> {
  const api = await signInToApi(server.url, server.adminUsername, server.adminPassword);
  const client = await api.post<ClientResponse>('api/clients', {
    clientKey: uniqueRfc(),
    companyName: 'Ferretería La Tuerca',
    firstName: 'Jorge',
    lastName: 'Ibarra',
    email: 'compras@latuerca.example',
    phone: '+52 81 8340 1122',
    country: 'MX',
    language: 'es',
  });
  const user = await api.post<ClientUserResponse>(`api/clients/${client.id}/users`, {
    ...LUCIA,
    username: 'lucia',
    owner: true,
  });
  return { client, user };
}

/** The customer signs in with what the agent typed: the client area then asks for a password of their own. */
async function expectCustomerSignsInWith(server: RunningServer, clientKey: string, password: string): Promise<void> {
  const customer = await openBrowser('es-MX');
  try {
    const { page } = customer;
    await page.goto(`${server.url}account/login`);
    await page.getByRole('link', { name: 'Iniciar sesión con clave de cliente y nombre de usuario' }).click();
    await page.getByLabel('Clave de cliente (RFC)').fill(clientKey);
    await page.getByLabel('Nombre de usuario').fill('lucia');
    await page.getByLabel('Contraseña', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Cambia tu contraseña' }).waitFor();
  } finally {
    await customer.close();
  }
}

describe('staff passkeys and the step-up in place', () => {
  it.for(JOURNEYS)(
    'an administrator adds a passkey, signs in with it, and proves it again mid-dialog, in $locale',
    { timeout: 300_000 },
    async ({ locale, language, text }) => {
      // The mail sink: Lucía's caller reads back the verification code sent to her address.
      const sink = await SmtpSink.start();
      const server = await startServer({
        env: { STEP_UP_MINUTES: String(STEP_UP_MINUTES), SMTP_URL: sink.url, MAIL_WORKER_INTERVAL_MS: '200' },
      });
      const browser = await openBrowser(locale);
      const { page } = browser;
      // A step that cannot happen fails in seconds, with a screenshot, not at the test's timeout.
      page.setDefaultTimeout(20_000);
      try {
        const { client, user } = await customerUser(server);
        await addVirtualAuthenticator(browser);
        await page.goto(server.url);
        await signInWithPassword(page, server, text);
        await page.getByRole('heading', { level: 2, name: text.welcome }).waitFor();

        // Security: no passkey yet; the current session is listed, marked, signed in by password alone.
        await openSecurity(page, server, text);
        await page.getByText(text.noPasskeys).waitFor();
        const sessions = page.getByRole('table', { name: text.sessions });
        const current = sessions.getByRole('row').filter({ hasText: text.currentSession });
        await current.waitFor();
        await expect(current.getByRole('cell', { name: text.byPassword, exact: true }).count()).resolves.toBe(1);
        await expectAccessible(page, 'the Security page with passkeys and sessions');

        // A first passkey: named, created by the authenticator, and the recovery codes shown once.
        await page.getByRole('button', { name: text.addPasskey }).click();
        const adding = page.getByRole('dialog', { name: text.addPasskey });
        await adding.getByRole('textbox', { name: text.passkeyName }).fill(PASSKEY_NAME);
        await settle(page);
        await expectAccessible(page, 'the Add a passkey dialog');
        await adding.getByRole('button', { name: text.createPasskey }).click();
        const codes = adding.getByRole('list', { name: text.codesList });
        await codes.waitFor();
        await expect(codes.getByRole('listitem').count()).resolves.toBe(RECOVERY_CODE_COUNT);
        await expectAccessible(page, 'the recovery codes of a first passkey');
        await adding.getByRole('button', { name: text.done }).click();
        await adding.waitFor({ state: 'detached' });
        const passkeys = page.getByRole('table', { name: text.passkeysList });
        const row = passkeys.getByRole('row').filter({ hasText: PASSKEY_NAME });
        await row.getByRole('cell', { name: text.never, exact: true }).waitFor();

        // The same authenticator again: the browser refuses (it already holds a key for this
        // account), and the dialog says the passkey was not used, keeping the name for another try.
        await page.getByRole('button', { name: text.addPasskey }).click();
        await adding.getByRole('textbox', { name: text.passkeyName }).fill(`${PASSKEY_NAME} 2`);
        await adding.getByRole('button', { name: text.createPasskey }).click();
        await adding.getByRole('alert').filter({ hasText: text.ceremonyFailed }).waitFor();
        await expect(adding.getByRole('textbox', { name: text.passkeyName }).inputValue()).resolves.toBe(
          `${PASSKEY_NAME} 2`,
        );
        await settle(page);
        await expectAccessible(page, 'a cancelled passkey ceremony');
        await adding.getByRole('button', { name: text.cancel }).click();
        await adding.waitFor({ state: 'detached' });
        await expect(passkeys.getByRole('row').count()).resolves.toBe(2);

        // Sign out, then password and the passkey; the new session says it was signed in with one.
        await page.getByRole('button', { name: text.profileMenu }).click();
        await page.getByRole('menuitem', { name: text.logout }).click();
        await signInWithPassword(page, server, text);
        await page.getByRole('heading', { level: 2, name: text.secondStep }).waitFor();
        await expectAccessible(page, 'the second step offering a passkey');
        await page.getByRole('button', { name: text.usePasskey }).click();
        await page.getByRole('heading', { level: 2, name: text.welcome }).waitFor();
        // Signing in counts as a proof: the step-up window runs from here.
        const provedAt = Date.now();
        await openSecurity(page, server, text);
        await current.getByRole('cell', { name: text.byPasskey, exact: true }).waitFor();
        await expect(row.getByRole('cell', { name: text.never, exact: true }).count()).resolves.toBe(0);

        // Manage user: the caller is verified first, as a typed password needs; then Change
        // password, typed in, and the step-up window passes with the dialog open.
        await page.goto(`${server.url}#/users/${user.id}/show`);
        await verifyCallerInBrowser(page, sink, {
          language,
          name: `${LUCIA.firstName} ${LUCIA.lastName}`,
          email: LUCIA.email,
        });
        await page.getByRole('button', { name: text.changePassword }).click();
        const dialog = page.getByRole('dialog', { name: text.changePassword });
        await dialog.getByRole('radio', { name: text.typeOne }).check();
        await dialog.getByLabel(text.temporaryPassword).fill(TYPED_PASSWORD);
        await page.waitForTimeout(Math.max(0, provedAt + STEP_UP_MINUTES * 60_000 + 2_000 - Date.now()));

        // Saving asks to prove it again, over the dialog. Cancelled, the save fails with the api's
        // words and the dialog keeps what was typed.
        await dialog.getByRole('button', { name: text.changePassword }).click();
        const stepUp = page.getByRole('dialog', { name: text.stepUpTitle });
        await stepUp.waitFor();
        await settle(page);
        await expectAccessible(page, 'the step-up dialog');
        await stepUp.getByRole('button', { name: text.cancel }).click();
        await stepUp.waitFor({ state: 'detached' });
        await page.getByText(text.stepUpRefused, { exact: false }).waitFor();
        await expect(dialog.getByLabel(text.temporaryPassword).inputValue()).resolves.toBe(TYPED_PASSWORD);

        // Saved again, the passkey proves it, and the request the dialog made goes through with
        // what was typed, without another click.
        await dialog.getByRole('button', { name: text.changePassword }).click();
        await stepUp.waitFor();
        await stepUp.getByRole('button', { name: text.usePasskey }).click();
        await stepUp.waitFor({ state: 'detached' });
        await page.getByText(text.sent, { exact: false }).waitFor();
        await dialog.waitFor({ state: 'detached' });
        await expectCustomerSignsInWith(server, client.clientKey, TYPED_PASSWORD);
      } catch (error) {
        await saveScreenshot(page, `staff-passkeys-${locale}`);
        throw error;
      } finally {
        await browser.close();
        await server.stop();
        await sink.stop();
      }
    },
  );
});

describe("resetting another staff member's second factors", () => {
  it.for(JOURNEYS)(
    "an administrator resets them with a reason and a supervisor's approval, never their own, in $locale",
    { timeout: 120_000 },
    async ({ locale, text }) => {
      const server = await startServer();
      const browser = await openBrowser(locale);
      const { page } = browser;
      page.setDefaultTimeout(20_000);
      try {
        const api = await signInToApi(server.url, server.adminUsername, server.adminPassword);
        const roles = await api.get<RoleResponse[]>('api/roles?range=[0,24]');
        const other = await api.post<StaffResponse>('api/staff', {
          username: 'marta.rios',
          email: 'marta.rios@keydesk.example',
          displayName: 'Marta Ríos',
          password: generatePassword(randomBytes),
          roleIds: [],
        });
        // The second person every such reset takes.
        const supervisorPassword = generatePassword(randomBytes);
        await api.post<StaffResponse>('api/staff', {
          username: 'sofia.rangel',
          email: 'sofia.rangel@keydesk.example',
          displayName: 'Sofía Rangel',
          password: supervisorPassword,
          roleIds: [roles.find((role) => role.name === 'Supervisor')!.id],
        });
        const supervisor = await signInToApi(server.url, 'sofia.rangel', supervisorPassword);
        await page.goto(server.url);
        await signInWithPassword(page, server, text);
        await page.getByRole('heading', { level: 2, name: text.welcome }).waitFor();

        await page.goto(`${server.url}#/staff/${other.id}`);
        await page.getByRole('button', { name: text.resetFactors }).click();
        const dialog = page.getByRole('dialog', { name: text.resetTitle(other.displayName) });
        await dialog.getByRole('button', { name: text.reset, exact: true }).click();
        await dialog.getByText(text.required).waitFor();
        await dialog
          .getByRole('textbox', { name: text.reason })
          .fill('Llamó desde su extensión; la validé con su jefa.');
        await settle(page);
        await expectAccessible(page, 'the Reset second factors dialog');

        // Refused for want of an approval: the dialog keeps the reason and offers to ask for one.
        await dialog.getByRole('button', { name: text.reset, exact: true }).click();
        const prompt = dialog.getByRole('alert').filter({ hasText: text.approvalRequired });
        await prompt.getByRole('button', { name: text.askApproval }).click();
        const ask = page.getByRole('dialog', { name: text.askApproval });
        await ask.getByRole('textbox', { name: text.reason }).fill('Perdió su teléfono; su jefa lo confirmó.');
        const [asked] = await Promise.all([
          page.waitForResponse(
            (response) =>
              response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/approvals',
          ),
          ask.getByRole('button', { name: text.sendRequest }).click(),
        ]);
        expect(asked.status()).toBe(201);
        const approvalId = ((await asked.json()) as ApprovalResponse).id;
        await ask.waitFor({ state: 'detached' });
        await prompt.getByText(text.waiting(approvalId), { exact: false }).waitFor();

        // The supervisor approves it; the dialog offers it on its own and the reset goes through with it.
        await supervisor.post(`api/approvals/${approvalId}/decision`, {
          decision: 'approve',
          comment: 'Confirmado con su jefa.',
        });
        const use = prompt.getByRole('button', { name: text.useApproval(approvalId) });
        await use.waitFor({ timeout: 30_000 });
        await use.click();
        await page.getByText(text.resetDone(other.displayName)).waitFor();
        await dialog.waitFor({ state: 'detached' });
        await expect(api.get<ApprovalResponse>(`api/approvals/${approvalId}`)).resolves.toMatchObject({
          state: ApprovalState.Used,
        });

        // Their own page: a password to set, but no reset (the api would refuse it).
        const { staff } = await page.evaluate(
          async () => (await fetch('/api/auth/session')).json() as Promise<SessionResponse>,
        );
        await page.goto(`${server.url}#/staff/${staff.id}`);
        await page.reload();
        await page.getByRole('button', { name: text.setPassword }).waitFor();
        await expect(page.getByRole('button', { name: text.resetFactors }).count()).resolves.toBe(0);
      } catch (error) {
        await saveScreenshot(page, `staff-reset-factors-${locale}`);
        throw error;
      } finally {
        await browser.close();
        await server.stop();
      }
    },
  );
});
