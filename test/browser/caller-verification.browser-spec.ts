import { randomBytes } from 'node:crypto';

import {
  ActivityAction,
  ApprovalState,
  generatePassword,
  type ActivityListEntry,
  type ApprovalDetailResponse,
  type ApprovalResponse,
  type ClientResponse,
  type ClientUserResponse,
  type RoleResponse,
  type StaffResponse,
} from '@keydesk/domain';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uniqueRfc } from '../factories/client.factory';
import { signInToApi, type ApiClient } from '../support/browser-api';
import { expectAccessible } from '../support/browser-axe';
import { openBrowser, saveScreenshot, type OpenBrowser } from '../support/browser-chromium';
import { startServer, type RunningServer } from '../support/built-server';
import { SmtpSink } from '../support/smtp-sink';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../support/test-database';

const CLIENT = {
  companyName: 'Ferretería El Tornillo Feliz',
  firstName: 'Ramón',
  lastName: 'Aguilar',
  email: 'ramon@tornillofeliz.example',
  phone: '+52 81 8340 1122',
  country: 'MX',
  language: 'es',
};
// Paola's caller, then Óscar's.
const TERESA = {
  email: 'teresa.luna@correo-personal.example',
  firstName: 'Teresa',
  lastName: 'Luna',
  username: 'teresa',
  owner: true,
};
const MATEO = {
  email: 'mateo.rios@correo-personal.example',
  firstName: 'Mateo',
  lastName: 'Ríos',
  username: 'mateo',
  owner: false,
};
const PAOLA = { username: 'paola.ibarra', displayName: 'Paola Ibarra', email: 'paola.ibarra@keydesk.example' };
const OSCAR = { username: 'oscar.trevino', displayName: 'Óscar Treviño', email: 'oscar.trevino@keydesk.example' };
const SOFIA = { username: 'sofia.rangel', displayName: 'Sofía Rangel', email: 'sofia.rangel@keydesk.example' };
// Typed by the agents, read out to the callers on the phone.
const TERESA_PASSWORD = 'lienzo tranvía cometa brújula';
const MATEO_PASSWORD = 'girasol mochila volcán trompeta';
const REASON = 'Mateo llama desde el teléfono registrado y no puede abrir su correo: lo cambió su empresa.';
const COMMENT = 'Lo confirmé con Ramón Aguilar, el dueño de la cuenta, al teléfono registrado.';
const CALLER_CODE = /El código de verificación es:\s*(\d{6})/;

const newPassword = () => generatePassword((n) => new Uint8Array(randomBytes(n)), 24);

async function signIn(page: Page, server: RunningServer, username: string, password: string): Promise<void> {
  await page.goto(server.url);
  await page.getByRole('textbox', { name: /^Usuario/ }).fill(username);
  await page.getByLabel(/^Contraseña/).fill(password);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await page.getByRole('heading', { level: 2, name: /^Te damos la bienvenida, / }).waitFor();
}

/** What the api answers the signed-in page: the facts behind what the screens showed. */
function apiAsPageSees<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
    return response.json();
  }, path);
}

/** Manage user, then its Change password dialog with a password the agent types. */
async function typePassword(page: Page, server: RunningServer, userId: number, password: string): Promise<Locator> {
  await page.goto(`${server.url}#/users/${userId}/show`);
  await page.getByRole('heading', { level: 2, name: 'Seguridad' }).waitFor();
  await page.getByRole('button', { name: 'Cambiar contraseña' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cambiar contraseña' });
  await dialog.getByRole('radio', { name: 'Escribirla' }).check();
  await dialog.getByLabel(/^Contraseña temporal/).fill(password);
  return dialog;
}

/** Presses `button` and answers the status of the password request it sends. */
async function submitPassword(page: Page, userId: number, button: Locator): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (candidate) =>
        candidate.request().method() === 'POST' &&
        new URL(candidate.url()).pathname === `/api/users/${userId}/password`,
    ),
    button.click(),
  ]);
  return response.status();
}

/**
 * Issue 20, in Spanish: Paola verifies her caller with a code mailed to an address on file and
 * sets the password she typed; Óscar, whose caller is not verified, is refused, asks for approval
 * with a reason, Sofía (a supervisor) reads the request and approves it, and Óscar uses it once.
 * Every new screen and dialog passes axe; the trail and the approval's state say what happened.
 */
describe.each(TEST_DATABASES)('verified callers and approvals in Spanish, on %s', (kind) => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let server: RunningServer | undefined;
  let admin: OpenBrowser | undefined;
  let teresa: ClientUserResponse;
  let mateo: ClientUserResponse;
  const passwords = { paola: newPassword(), oscar: newPassword(), sofia: newPassword() };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    sink = await SmtpSink.start();
    server = await startServer({
      dataDir: database.dataDir,
      env: { DATABASE_URL: database.url, SMTP_URL: sink.url, MAIL_WORKER_INTERVAL_MS: '200' },
    });
    const api: ApiClient = await signInToApi(server.url, server.adminUsername, server.adminPassword);
    // The administrator's browser reads what the api holds, and later opens the policy page.
    admin = await openBrowser('es-MX');
    await signIn(admin.page, server, server.adminUsername, server.adminPassword);
    const roles = await apiAsPageSees<RoleResponse[]>(admin.page, '/api/roles?range=[0,24]');
    const roleId = (name: string) => roles.find((role) => role.name === name)!.id;
    for (const [who, role, password] of [
      [PAOLA, 'Agent', passwords.paola],
      [OSCAR, 'Agent', passwords.oscar],
      [SOFIA, 'Supervisor', passwords.sofia],
    ] as const) {
      await api.post<StaffResponse>('api/staff', { ...who, password, roleIds: [roleId(role)] });
    }
    const client = await api.post<ClientResponse>('api/clients', { ...CLIENT, clientKey: uniqueRfc() });
    teresa = await api.post<ClientUserResponse>(`api/clients/${client.id}/users`, TERESA);
    mateo = await api.post<ClientUserResponse>(`api/clients/${client.id}/users`, MATEO);

    // Sofía once denied Óscar a request: his new one carries that flag.
    const oscar = await signInToApi(server.url, OSCAR.username, passwords.oscar);
    const sofia = await signInToApi(server.url, SOFIA.username, passwords.sofia);
    const denied = await oscar.post<ApprovalResponse>('api/approvals', {
      action: 'user.password_typed',
      userId: mateo.id,
      reason: 'Dice que es Mateo, pero llama desde otro número.',
    });
    await sofia.post(`api/approvals/${denied.id}/decision`, {
      decision: 'deny',
      comment: 'Sin más datos no puedo confirmar que sea él.',
    });
  });

  afterAll(async () => {
    await admin?.close();
    await server?.stop();
    await sink?.stop();
    await database?.drop();
  });

  it('Paola verifies her caller, Óscar asks and Sofía approves', { timeout: 120_000 }, async () => {
    const paola = await openBrowser('es-MX');
    const oscar = await openBrowser('es-MX');
    const sofia = await openBrowser('es-MX');
    try {
      // Paola: Manage user says the caller is not verified yet; the code goes to an address she picks.
      await signIn(paola.page, server!, PAOLA.username, passwords.paola);
      await paola.page.goto(`${server!.url}#/users/${teresa.id}/show`);
      await paola.page.getByText('Sin verificar', { exact: true }).waitFor();
      await paola.page.getByRole('button', { name: 'Verificar cliente' }).click();
      const verify = paola.page.getByRole('dialog', { name: 'Verificar que quien llama es Teresa Luna' });
      const addresses = verify.getByRole('radio');
      await expect.poll(() => addresses.count()).toBe(2);
      await expect(
        verify.getByRole('radio', { name: `${TERESA.email} (correo del usuario)` }).isChecked(),
      ).resolves.toBe(true);
      await expectAccessible(paola.page, 'the Verify caller dialog, choosing the address');
      await verify.getByRole('radio', { name: `${CLIENT.email} (correo principal del cliente)` }).check();
      await verify.getByRole('button', { name: 'Enviar código' }).click();
      // The dialog names the address only partly: someone looking over the agent's shoulder learns little.
      await verify.getByText('Se envió un código a r•••@tornillofeliz.example.', { exact: false }).waitFor();
      const codeInput = verify.getByRole('textbox', { name: /^Código que lee quien llama/ });
      await expectAccessible(paola.page, 'the Verify caller dialog, typing the code');

      // The caller reads out the code from the mail that reached the client's address.
      const code = (await sink.waitForMatch(CLIENT.email, CALLER_CODE))[1];
      await codeInput.fill(code);
      await verify.getByRole('button', { name: 'Confirmar' }).click();
      await paola.page.getByText(/^Cliente verificado hasta las /).waitFor();
      await verify.waitFor({ state: 'detached' });
      await paola.page.getByText(/^Verificado \(con código por correo\) hasta las /).waitFor();

      // A password she types now goes through.
      const paolaDialog = await typePassword(paola.page, server!, teresa.id, TERESA_PASSWORD);
      await expect(
        submitPassword(paola.page, teresa.id, paolaDialog.getByRole('button', { name: 'Cambiar contraseña' })),
      ).resolves.toBe(201);
      await paola.page.getByText(`se envió un enlace de un solo uso a ${TERESA.email}`, { exact: false }).waitFor();
      await paolaDialog.waitFor({ state: 'detached' });
      await paola.page.getByRole('cell', { name: 'Cliente verificado por el agente', exact: true }).waitFor();

      // Óscar has not verified his caller: the dialog keeps his password and offers the ways on.
      await signIn(oscar.page, server!, OSCAR.username, passwords.oscar);
      const oscarDialog = await typePassword(oscar.page, server!, mateo.id, MATEO_PASSWORD);
      const submit = oscarDialog.getByRole('button', { name: 'Cambiar contraseña' });
      await expect(submitPassword(oscar.page, mateo.id, submit)).resolves.toBe(403);
      const prompt = oscarDialog.getByRole('alert').filter({ hasText: 'requiere un cliente verificado' });
      await prompt.getByText('«Verificar cliente»', { exact: false }).waitFor();
      await prompt.getByRole('button', { name: 'Verificar cliente' }).waitFor();
      await expect(oscarDialog.getByLabel(/^Contraseña temporal/).inputValue()).resolves.toBe(MATEO_PASSWORD);
      await expectAccessible(oscar.page, 'the refusal for want of a verified caller');

      await prompt.getByRole('button', { name: 'Pedir aprobación' }).click();
      const ask = oscar.page.getByRole('dialog', { name: 'Pedir aprobación' });
      await ask.getByText('Poner una contraseña escrita por el agente', { exact: true }).waitFor();
      await ask.getByText('Mateo Ríos', { exact: true }).waitFor();
      await expectAccessible(oscar.page, 'the Ask for approval dialog');
      await ask.getByRole('textbox', { name: /^Motivo/ }).fill(REASON);
      const [asked] = await Promise.all([
        oscar.page.waitForResponse(
          (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/approvals',
        ),
        ask.getByRole('button', { name: 'Enviar solicitud' }).click(),
      ]);
      expect(asked.status()).toBe(201);
      const approvalId = ((await asked.json()) as ApprovalResponse).id;
      await ask.waitFor({ state: 'detached' });
      await prompt.getByText(`Tu solicitud #${approvalId} espera a un supervisor.`, { exact: false }).waitFor();

      // Sofía: the menu counts the request waiting; the list, then the request with its flags and timeline.
      await signIn(sofia.page, server!, SOFIA.username, passwords.sofia);
      const approvals = sofia.page.getByRole('menuitem', { name: /^Aprobaciones\s*1 solicitud espera una decisión$/ });
      await approvals.getByText('1', { exact: true }).waitFor();
      await approvals.click();
      await sofia.page.waitForURL(/#\/approvals/);
      const row = sofia.page.getByRole('row').filter({ hasText: REASON });
      await row.getByText('En espera', { exact: true }).waitFor();
      await expect(sofia.page.getByRole('row').count()).resolves.toBe(2);
      await expectAccessible(sofia.page, 'the Approvals list');

      await row.getByText(OSCAR.displayName, { exact: true }).click();
      await sofia.page.waitForURL(new RegExp(`#/approvals/${approvalId}/show$`));
      await sofia.page.getByText(REASON, { exact: true }).waitFor();
      await sofia.page.getByText('A quien la pide le rechazaron 1 solicitud en los últimos 30 días.').waitFor();
      const timeline = sofia.page.getByRole('region', { name: 'Historial reciente del usuario' });
      await timeline.getByRole('cell', { name: 'Aprobación solicitada', exact: true }).first().waitFor();
      await timeline.getByRole('cell', { name: 'Solicitud rechazada', exact: true }).waitFor();
      await expectAccessible(sofia.page, 'a request for approval, to decide');

      // Signing in a moment ago counts as a recent factor: no step-up dialog.
      await sofia.page.getByRole('textbox', { name: /^Comentario/ }).fill(COMMENT);
      await sofia.page.getByRole('button', { name: 'Aprobar' }).click();
      await sofia.page.getByText(`Solicitud #${approvalId} aprobada.`).waitFor();
      await sofia.page.getByRole('region', { name: 'Solicitud' }).getByText('Aprobada', { exact: true }).waitFor();
      const decision = sofia.page.getByRole('region', { name: 'Decisión' });
      await decision.getByText(COMMENT, { exact: true }).waitFor();
      await decision.getByText(SOFIA.displayName, { exact: true }).waitFor();
      await expectAccessible(sofia.page, 'an approved request');

      // The administrator's policy page, while Óscar's dialog looks for the approval on its own.
      const { page } = admin!;
      await page.getByRole('menuitem', { name: /^Política de verificación/ }).click();
      await page.waitForURL(/#\/settings\/assurance$/);
      const typed = page.getByRole('checkbox', { name: 'Poner una contraseña escrita por el agente' });
      await typed.waitFor();
      await expect(typed.isChecked()).resolves.toBe(true);
      await expect(
        page.getByRole('checkbox', { name: 'Enviar una contraseña temporal generada' }).isChecked(),
      ).resolves.toBe(false);
      await expectAccessible(page, 'Settings → Caller verification policy');

      // "Use approval #N" sends the same password again, with the approval.
      const use = prompt.getByRole('button', { name: `Usar la aprobación #${approvalId}` });
      await use.waitFor({ timeout: 30_000 });
      await expect(submitPassword(oscar.page, mateo.id, use)).resolves.toBe(201);
      await oscar.page.getByText(`se envió un enlace de un solo uso a ${MATEO.email}`, { exact: false }).waitFor();
      await oscarDialog.waitFor({ state: 'detached' });

      const approval = await apiAsPageSees<ApprovalDetailResponse>(page, `/api/approvals/${approvalId}`);
      expect(approval).toMatchObject({ state: ApprovalState.Used, decidedBy: { name: SOFIA.displayName } });
      expect(approval.usedAt).not.toBeNull();
      const filter = JSON.stringify({ action: [ActivityAction.UserCallerVerified, ActivityAction.ApprovalUsed] });
      const trail = await apiAsPageSees<ActivityListEntry[]>(
        page,
        `/api/activity?filter=${encodeURIComponent(filter)}`,
      );
      expect(trail.map(({ action, actorName, subjectId }) => ({ action, actorName, subjectId }))).toEqual([
        { action: ActivityAction.ApprovalUsed, actorName: OSCAR.displayName, subjectId: String(mateo.id) },
        { action: ActivityAction.UserCallerVerified, actorName: PAOLA.displayName, subjectId: String(teresa.id) },
      ]);
      expect(JSON.stringify(trail)).not.toContain(code);
    } catch (error) {
      await saveScreenshot(paola.page, `caller-verification-paola-${kind}`);
      await saveScreenshot(oscar.page, `caller-verification-oscar-${kind}`);
      await saveScreenshot(sofia.page, `caller-verification-sofia-${kind}`);
      await saveScreenshot(admin!.page, `caller-verification-admin-${kind}`);
      throw error;
    } finally {
      await paola.close();
      await oscar.close();
      await sofia.close();
    }
  });
});
