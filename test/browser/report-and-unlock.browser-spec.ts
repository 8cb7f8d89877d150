import type { ClientResponse, ClientUserResponse, TicketResponse, UserResponse } from '@keydesk/domain';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uniqueRfc } from '../factories/client.factory';
import { signInToApi, type ApiClient } from '../support/browser-api';
import { expectAccessible } from '../support/browser-axe';
import { openBrowser, saveScreenshot } from '../support/browser-chromium';
import { verifyCallerInBrowser } from '../support/browser-verify-caller';
import { startServer, type RunningServer } from '../support/built-server';
import { SmtpSink } from '../support/smtp-sink';

/** What the customer and the agent read and click, in each language; the client speaks the same one. */
const JOURNEYS = [
  {
    locale: 'es-MX',
    language: 'es',
    company: 'Abarrotes La Esperanza',
    user: { email: 'teresa.luna@laesperanza.example', firstName: 'Teresa', lastName: 'Luna' },
    text: {
      username: /^Usuario/,
      password: /^Contraseña/,
      signIn: 'Iniciar sesión',
      security: 'Seguridad',
      reportTitle: '¿Este cambio no lo hiciste tú?',
      whatChanged: 'La contraseña',
      report: 'No fui yo: bloquear la cuenta',
      reportDone: 'La cuenta está bloqueada',
      resetEmail: 'Enviar correo para restablecer la contraseña',
      changePassword: 'Cambiar contraseña',
      sendEmail: 'Enviar correo',
      userLocked: 'El cliente reportó un cambio en esta cuenta como no suyo y la cuenta está bloqueada.',
      cancel: 'Cancelar',
      usersTab: 'Usuarios',
      lockedBadge: 'Bloqueado',
      lockTitle: 'Bloqueado: el cliente reportó un cambio como no suyo',
      lockedSince: (when: string) => `El ${when}, el cliente indicó`,
      waitLocked: 'esperan a que se desbloquee el usuario',
      unlock: 'Desbloquear',
      unlockTitle: (name: string) => `Desbloquear a ${name}`,
      reason: /^Motivo/,
      unlockReason: 'Llamé a la clienta al teléfono registrado: el cambio lo pidió ella.',
      unlocked: (name: string) => `Se desbloqueó a ${name}`,
      reportedEntry: 'Cambio reportado por el cliente: «No fui yo»; usuario bloqueado',
      unlockedEntry: 'Usuario desbloqueado',
      edit: 'Editar',
      email: /^Correo electrónico/,
      save: 'Guardar',
      waitHold: (until: string) => `a la nueva dirección hasta el ${until}.`,
    },
  },
  {
    locale: 'en-US',
    language: 'en',
    company: 'Hillside Hardware',
    user: { email: 'tom.baker@hillside.example', firstName: 'Tom', lastName: 'Baker' },
    text: {
      username: /^Username/,
      password: /^Password/,
      signIn: 'Sign in',
      security: 'Security',
      reportTitle: 'Was this change not yours?',
      whatChanged: 'The password',
      report: "This wasn't me: lock the account",
      reportDone: 'The account is locked',
      resetEmail: 'Send password reset email',
      changePassword: 'Change password',
      sendEmail: 'Send email',
      userLocked: 'The customer reported a change to this account as not theirs, so it is locked.',
      cancel: 'Cancel',
      usersTab: 'Users',
      lockedBadge: 'Locked',
      lockTitle: 'Locked: the customer reported a change as not theirs',
      lockedSince: (when: string) => `On ${when}, the customer said`,
      waitLocked: 'wait until the user is unlocked',
      unlock: 'Unlock',
      unlockTitle: (name: string) => `Unlock ${name}`,
      reason: /^Reason/,
      unlockReason: 'Called the customer back on the phone on file: the change was theirs.',
      unlocked: (name: string) => `${name} was unlocked`,
      reportedEntry: 'Change reported by the customer ("This wasn\'t me"); user locked',
      unlockedEntry: 'User unlocked',
      edit: 'Edit',
      email: /^Email/,
      save: 'Save',
      waitHold: (until: string) => `to the new address until ${until}.`,
    },
  },
] as const;

type Journey = (typeof JOURNEYS)[number];
type Text = Journey['text'];

const REPORT_LINK = /http:\/\/localhost:\d+\/account\/report\/[\w-]{43}/;

async function signIn(page: Page, server: RunningServer, text: Text): Promise<void> {
  await page.goto(server.url);
  await page.getByRole('textbox', { name: text.username }).fill(server.adminUsername);
  await page.getByLabel(text.password).fill(server.adminPassword);
  await page.getByRole('button', { name: text.signIn }).click();
}

/** The user as the api answers the signed-in page, for the moments the UI must show. */
function userAsApiSees(page: Page, id: number): Promise<UserResponse> {
  return page.evaluate(
    async (path) => (await fetch(path, { headers: { Accept: 'application/json' } })).json(),
    `/api/users/${id}`,
  );
}

/** A moment as the UI writes it in `language`: formatted by the same browser, so its ICU and zone. */
function exactInBrowser(page: Page, iso: string, language: string): Promise<string> {
  return page.evaluate(
    ([value, locale]) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(value)),
    [iso, language] as const,
  );
}

/** Until opening transitions end: axe would measure the contrast of a dialog still fading in. */
async function transitionsDone(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
}

async function expectPasswordActionsDisabled(page: Page, text: Text, why: string): Promise<void> {
  for (const name of [text.resetEmail, text.changePassword]) {
    const button: Locator = page.getByRole('button', { name });
    await expect.poll(() => button.isDisabled()).toBe(true);
    await expect(
      button.getAttribute('aria-describedby').then((id) => page.locator(`[id="${id}"]`).textContent()),
    ).resolves.toContain(why);
  }
}

/**
 * "This wasn't me", from both sides, in each language: the customer opens the report link of the
 * notice that an agent's temporary password sent, reads what happened and locks the account. The
 * agent's Manage user, loaded before, meets the api's refusal in the dialog; then the Users tab and
 * Manage user show the lock, the password actions wait and say why, and the agent unlocks it with a
 * reason; the timeline keeps both. Finally the agent verifies the caller and changes the email: the
 * actions wait until the hold's date, written in the UI's language. Every new page and dialog passes axe.
 */
describe('a customer reports a change and staff unlock the user', () => {
  let sink: SmtpSink;
  let server: RunningServer | undefined;
  let api: ApiClient;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    server = await startServer({ env: { SMTP_URL: sink.url, MAIL_WORKER_INTERVAL_MS: '200' } });
    api = await signInToApi(server.url, server.adminUsername, server.adminPassword);
  });

  afterAll(async () => {
    await server?.stop();
    await sink?.stop();
  });

  it.for(JOURNEYS)(
    'locks and unlocks in $locale',
    { timeout: 240_000 },
    async ({ locale, language, company, user: person, text }) => {
      const client = await api.post<ClientResponse>('api/clients', {
        clientKey: uniqueRfc(),
        companyName: company,
        firstName: person.firstName,
        lastName: person.lastName,
        email: `billing@${person.email.split('@')[1]}`,
        phone: '+52 55 5555 0199',
        country: 'MX',
        language,
      });
      const user = await api.post<ClientUserResponse>(`api/clients/${client.id}/users`, {
        ...person,
        username: 'admin',
        owner: true,
      });
      const ticket = await api.post<TicketResponse>('api/tickets', {
        clientId: client.id,
        userId: user.id,
        subject: 'Access',
        message: 'Cannot sign in.',
        department: 'support',
        priority: 'medium',
      });
      // The agent sets a temporary password: the customer's notice of it carries the report link.
      await api.post(`api/users/${user.id}/password`, { generate: true, ticketId: ticket.id });
      const reportLink = (await sink.waitForMatch(person.email, REPORT_LINK))[0].replace(
        /^http:\/\/localhost:\d+\//,
        server!.url,
      );
      const name = `${person.firstName} ${person.lastName}`;

      const agent = await openBrowser(locale);
      const customer = await openBrowser(locale);
      const page = agent.page;
      try {
        // The agent has Manage user open, its password actions available, before the customer acts.
        await signIn(page, server!, text);
        await page.getByRole('menuitem').first().waitFor();
        await page.goto(`${server!.url}#/users/${user.id}/show`);
        await page.getByRole('heading', { level: 2, name: text.security }).waitFor();
        await expect(page.getByRole('button', { name: text.resetEmail }).isEnabled()).resolves.toBe(true);

        // The customer: what happened, then the one button, then the locked page.
        await customer.page.goto(reportLink);
        await customer.page.getByRole('heading', { level: 1, name: text.reportTitle }).waitFor();
        await customer.page.getByText(text.whatChanged, { exact: true }).waitFor();
        await expectAccessible(customer.page, `the report page (${locale})`);
        await customer.page.getByRole('button', { name: text.report }).click();
        await customer.page.getByRole('heading', { level: 1, name: text.reportDone }).waitFor();
        await expectAccessible(customer.page, `the locked page (${locale})`);

        // The agent's page predates the lock: the api refuses, and the dialog says why in its words.
        await page.getByRole('button', { name: text.resetEmail }).click();
        const dialog = page.getByRole('dialog', { name: text.resetEmail });
        await dialog.getByRole('button', { name: text.sendEmail }).click();
        await dialog.getByRole('alert').getByText(text.userLocked, { exact: false }).waitFor();
        await expect(dialog.getByRole('button', { name: text.sendEmail }).isDisabled()).resolves.toBe(true);
        await expectAccessible(page, `the reset dialog refused for a locked user (${locale})`);
        await dialog.getByRole('button', { name: text.cancel }).click();
        await dialog.waitFor({ state: 'detached' });

        // The Users tab marks the locked user.
        await page.goto(`${server!.url}#/clients/${client.id}/show/users`);
        const row = page.getByRole('row').filter({ hasText: person.email });
        await row.getByText(text.lockedBadge, { exact: true }).waitFor();
        await expectAccessible(page, `the Users tab with a locked user (${locale})`);

        // Manage user: the lock since when, and the password actions waiting for the unlock.
        await page.goto(`${server!.url}#/users/${user.id}/show`);
        const lock = page.getByRole('alert').filter({ hasText: text.lockTitle });
        await lock.waitFor();
        const locked = await userAsApiSees(page, user.id);
        expect(locked.lockReason).toBe('reported_by_customer');
        await lock
          .getByText(text.lockedSince(await exactInBrowser(page, locked.lockedAt!, language)), { exact: false })
          .waitFor();
        await expectPasswordActionsDisabled(page, text, text.waitLocked);
        await expectAccessible(page, `Manage user of a locked user (${locale})`);

        // Unlocking needs a reason.
        await lock.getByRole('button', { name: text.unlock }).click();
        const unlock = page.getByRole('dialog', { name: text.unlockTitle(name) });
        const reason = unlock.getByRole('textbox', { name: text.reason });
        await reason.waitFor();
        await transitionsDone(page);
        // Before the refused submission, whose toast would still be fading in.
        await expectAccessible(page, `the Unlock dialog (${locale})`);
        await unlock.getByRole('button', { name: text.unlock }).click();
        await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
        await reason.fill(text.unlockReason);
        await unlock.getByRole('button', { name: text.unlock }).click();
        await page.getByText(text.unlocked(name), { exact: false }).waitFor();
        await unlock.waitFor({ state: 'detached' });
        await lock.waitFor({ state: 'detached' });
        await expect(page.getByText(text.lockedBadge, { exact: true }).count()).resolves.toBe(0);
        await expect.poll(() => page.getByRole('button', { name: text.resetEmail }).isEnabled()).toBe(true);
        await page.getByRole('cell', { name: text.unlockedEntry, exact: true }).waitFor();
        await page.getByRole('cell', { name: text.reportedEntry, exact: true }).waitFor();

        // Staff change the email once the caller is verified: the password actions wait for the
        // hold, and say until when.
        await verifyCallerInBrowser(page, sink, { language, name, email: person.email });
        await page.getByRole('link', { name: text.edit }).click();
        await page.getByRole('textbox', { name: text.email }).fill(`new.${person.email}`);
        await page.getByRole('button', { name: text.save }).click();
        await page.waitForURL(new RegExp(`#/users/${user.id}/show$`));
        await page.getByText(`new.${person.email}`).first().waitFor();
        const held = await userAsApiSees(page, user.id);
        expect(held.emailHoldUntil).not.toBeNull();
        await expectPasswordActionsDisabled(
          page,
          text,
          text.waitHold(await exactInBrowser(page, held.emailHoldUntil!, language)),
        );
        await expectAccessible(page, `Manage user while a new address waits (${locale})`);
      } catch (error) {
        await saveScreenshot(page, `report-and-unlock-agent-${locale}`);
        await saveScreenshot(customer.page, `report-and-unlock-customer-${locale}`);
        throw error;
      } finally {
        await agent.close();
        await customer.close();
      }
    },
  );
});
