import type { Page } from 'playwright-core';

import type { SmtpSink } from './smtp-sink';

/** The six digits of a caller-verification mail, in either language. */
export const CALLER_CODE = /(?:El código de verificación es|The verification code is):\s*(\d{6})/;

/** What the agent reads and clicks in the Verify caller dialog, in each language of the admin UI. */
const TEXT = {
  es: {
    verify: 'Verificar cliente',
    title: (name: string) => `Verificar que quien llama es ${name}`,
    send: 'Enviar código',
    code: /^Código que lee quien llama/,
    confirm: 'Confirmar',
    verified: /^Cliente verificado hasta las /,
  },
  en: {
    verify: 'Verify caller',
    title: (name: string) => `Verify the caller as ${name}`,
    send: 'Send code',
    code: /^Code the caller reads out/,
    confirm: 'Confirm',
    verified: /^Caller verified until /,
  },
} as const;

/**
 * On Manage user (already open), as an agent on the phone does before changing where a customer's
 * access goes: "Verify caller", a code to the address the dialog proposes (the user's own), which
 * the caller reads back from the mail the SMTP sink received, typed and confirmed.
 */
export async function verifyCallerInBrowser(
  page: Page,
  sink: SmtpSink,
  caller: { language: keyof typeof TEXT; name: string; email: string },
): Promise<void> {
  const text = TEXT[caller.language];
  const codesBefore = sink.to(caller.email).filter((mail) => CALLER_CODE.test(mail.text)).length;
  await page.getByRole('button', { name: text.verify }).click();
  const dialog = page.getByRole('dialog', { name: text.title(caller.name) });
  await dialog.getByRole('button', { name: text.send }).click();
  const code = dialog.getByRole('textbox', { name: text.code });
  await code.waitFor();
  await code.fill((await sink.waitForMatch(caller.email, CALLER_CODE, codesBefore + 1))[1]);
  await dialog.getByRole('button', { name: text.confirm }).click();
  await page.getByText(text.verified).waitFor();
  await dialog.waitFor({ state: 'detached' });
}
