import { Injectable } from '@nestjs/common';

import { Locale, TotpEnrolment, UserTwoFactorResponse } from '@keydesk/domain';

import { formatWhen } from '../../common/i18n/format-when';
import { translate } from '../../common/i18n/translate';
import { AccountViews } from './account-views';

type Params = Record<string, string | number>;

/** The one script the passkey pages load; the rest of each page works without it. */
const PASSKEY_SCRIPT = '/account/assets/passkeys.js';

/** Every text of a page, by its keys under one prefix. */
function texts(locale: Locale, prefix: string, keys: string[], params: Params = {}): Record<string, string> {
  return Object.fromEntries(keys.map((key) => [key, translate(locale, `${prefix}.${key}`, params)]));
}

/**
 * The client area's second-factor pages: the second step of signing in, the Security page (the
 * authenticator app, recovery codes), the app's enrolment with its QR code drawn on the server,
 * and recovery codes shown once. Plain HTML: nothing on them needs a script.
 */
@Injectable()
export class SecurityPages {
  constructor(private readonly views: AccountViews) {}

  secondFactor(
    locale: Locale,
    view: { csrfToken: string; passkey: boolean; error: { key: string; params?: Params } | null },
  ): string {
    const text = texts(locale, 'account.secondFactor', [
      'title',
      'intro',
      'errorsTitle',
      'code',
      'codeHint',
      'submit',
      'cancel',
      'usePasskey',
      'passkeyFailed',
    ]);
    const error = view.error ? translate(locale, view.error.key, view.error.params) : null;
    return this.views.page(locale, 'second-factor', text.title, view.passkey ? PASSKEY_SCRIPT : null, {
      csrfToken: view.csrfToken,
      passkey: view.passkey,
      error,
      text,
    });
  }

  security(
    locale: Locale,
    view: {
      csrfToken: string;
      factors: UserTwoFactorResponse;
      required: boolean;
      notice?: string | null;
      error?: string | null;
      removeError?: boolean;
      /** The clients the user owns: they may require a second factor of everyone there. */
      owned: Array<{ clientId: number; companyName: string; required: boolean }>;
    },
  ): string {
    const { factors } = view;
    const never = translate(locale, 'account.security.never');
    const text = texts(locale, 'account.security', [
      'title',
      'intro',
      'required',
      'appTitle',
      'appOn',
      'appOff',
      'since',
      'lastUsed',
      'removeCode',
      'removeHint',
      'remove',
      'addApp',
      'codesTitle',
      'codesNone',
      'renew',
      'back',
      'companyTitle',
      'passkeysTitle',
      'passkeysNone',
      'passkeyName',
      'passkeyDefaultName',
      'addPasskey',
      'passkeyFailed',
      'passkeyScript',
      'removePasskey',
      'removePasskeyCode',
    ]);
    return this.views.page(locale, 'security', text.title, PASSKEY_SCRIPT, {
      csrfToken: view.csrfToken,
      required: view.required,
      notice: view.notice ? translate(locale, `account.security.${view.notice}`) : null,
      error: view.error ? translate(locale, view.error) : null,
      removeError: view.removeError ?? false,
      totp: factors.totp && {
        since: formatWhen(new Date(factors.totp.enabledAt), locale),
        lastUsed: factors.totp.lastUsedAt ? formatWhen(new Date(factors.totp.lastUsedAt), locale) : never,
      },
      passkeys: factors.passkeys.map((p) => ({
        id: p.id,
        name: p.name,
        since: formatWhen(new Date(p.createdAt), locale),
        lastUsed: p.lastUsedAt ? formatWhen(new Date(p.lastUsedAt), locale) : never,
      })),
      hasFactor: factors.methods.length > 0,
      codesLeft: translate(locale, 'account.security.codesLeft', { count: factors.recoveryCodesLeft }),
      back: !view.required,
      owned: view.owned.map((client) => ({
        clientId: client.clientId,
        state: translate(locale, `account.security.company.${client.required ? 'on' : 'off'}`, {
          company: client.companyName,
        }),
        action: translate(locale, `account.security.company.${client.required ? 'stop' : 'start'}`),
        required: client.required,
      })),
      text: { ...text, signOut: translate(locale, 'account.home.signOut') },
    });
  }

  totpEnrolment(locale: Locale, view: { csrfToken: string; enrolment: TotpEnrolment; wrongCode: boolean }): string {
    const text = texts(locale, 'account.totp', [
      'title',
      'errorsTitle',
      'step1',
      'step2',
      'qrLabel',
      'manual',
      'step3',
      'code',
      'confirm',
      'cancel',
    ]);
    return this.views.page(locale, 'security-totp', text.title, null, {
      csrfToken: view.csrfToken,
      qrSvg: view.enrolment.qrSvg,
      secret: view.enrolment.secret,
      error: view.wrongCode ? translate(locale, 'account.totp.wrongCode') : null,
      text,
    });
  }

  recoveryCodes(locale: Locale, view: { codes: string[]; notice: string | null; continueUrl: string }): string {
    const text = texts(locale, 'account.recoveryCodes', ['title', 'intro', 'once', 'continue']);
    return this.views.page(locale, 'recovery-codes', text.title, null, {
      codes: view.codes,
      notice: view.notice ? translate(locale, `account.security.${view.notice}`) : null,
      continueUrl: view.continueUrl,
      text,
    });
  }
}
