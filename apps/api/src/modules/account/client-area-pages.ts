import { Injectable } from '@nestjs/common';

import { Locale, PASSWORD_MAX_LENGTH, PasswordRejection } from '@keydesk/domain';

import { translate } from '../../common/i18n/translate';
import { AccountViews } from './account-views';

type Params = Record<string, string | number>;

export interface LoginView {
  byKey: boolean;
  /** ?lang= as asked, kept on every link and the form's action; null: Accept-Language chose. */
  lang: Locale | null;
  formToken: string;
  values: { email: string; clientKey: string; username: string };
  /** A message key under account.login.*, with its params. */
  error: { key: string; params?: Params } | null;
  notice: 'sessionEnded' | 'signedOut' | 'tooManyCodes' | null;
}

export interface HomeView {
  name: string;
  email: string;
  clients: Array<{ companyName: string; clientKey: string; username: string }>;
  csrfToken: string;
  notice: 'passwordChanged' | 'emailChanged' | null;
  formExpired: boolean;
}

export interface PasswordChangeView {
  forced: boolean;
  email: string;
  csrfToken: string;
  minLength: number;
  reasons: PasswordRejection[];
  /** Messages for the current-password field: account.change.currentWrong, a throttle message. */
  currentError: { key: string; params?: Params } | null;
  sameAsCurrent?: boolean;
  confirmationMismatch?: boolean;
  formExpired?: boolean;
}

/** The signed-in side of the client area and its sign-in page: plain HTML that works with no script. */
@Injectable()
export class ClientAreaPages {
  constructor(private readonly views: AccountViews) {}

  login(locale: Locale, view: LoginView): string {
    const t = (key: string, params?: Params) => translate(locale, `account.login.${key}`, params);
    const query = (byKey: boolean, lang: Locale | null) =>
      [byKey ? 'with=key' : '', lang ? `lang=${lang}` : ''].filter(Boolean).join('&');
    const withQuery = (path: string, q: string) => (q ? `${path}?${q}` : path);
    const other: Locale = locale === 'es' ? 'en' : 'es';
    const error = view.error ? t(view.error.key, view.error.params) : null;
    return this.views.page(locale, 'login', t('title'), '/account/assets/passkeys.js', {
      byKey: view.byKey,
      formToken: view.formToken,
      values: view.values,
      error,
      errorField: view.byKey ? 'clientKey' : 'email',
      notice: view.notice ? t(view.notice) : null,
      action: withQuery('/account/login', query(false, view.lang)),
      switchUrl: withQuery('/account/login', query(!view.byKey, view.lang)),
      languageUrl: withQuery('/account/login', query(view.byKey, other)),
      otherLang: other,
      forgotUrl: withQuery('/account/rescue', query(false, view.lang)),
      text: {
        title: t('title'),
        intro: t(view.byKey ? 'introKey' : 'introEmail'),
        errorsTitle: t('errorsTitle'),
        email: t('email'),
        clientKey: t('clientKey'),
        clientKeyHint: t('clientKeyHint'),
        username: t('username'),
        password: t('password'),
        submit: t('submit'),
        switch: t(view.byKey ? 'useEmail' : 'useKey'),
        forgot: t('forgot'),
        passkey: t('passkey'),
        passkeyFailed: t('passkeyFailed'),
        language: translate(locale, 'account.language.switch'),
      },
    });
  }

  home(locale: Locale, view: HomeView): string {
    const t = (key: string, params?: Params) => translate(locale, `account.home.${key}`, params);
    const keys = [
      'title',
      'profile',
      'name',
      'email',
      'clients',
      'company',
      'clientKey',
      'username',
      'noClients',
      'security',
      'changePassword',
      'changeEmail',
      'twoFactor',
      'signOut',
    ];
    return this.views.page(locale, 'home', t('title'), null, {
      ...view,
      notice: view.notice ? t(view.notice) : null,
      error: view.formExpired ? t('formExpired') : null,
      text: { ...Object.fromEntries(keys.map((key) => [key, t(key)])), welcome: t('welcome', { name: view.name }) },
    });
  }

  passwordChange(locale: Locale, view: PasswordChangeView): string {
    const reset = (key: string, params?: Params) => translate(locale, `account.reset.${key}`, params);
    const t = (key: string, params?: Params) => translate(locale, `account.change.${key}`, params);
    const limits = { minLength: view.minLength, maxLength: PASSWORD_MAX_LENGTH };
    const currentErrors = view.currentError ? [translate(locale, view.currentError.key, view.currentError.params)] : [];
    if (view.formExpired) currentErrors.unshift(reset('formExpired'));
    const passwordErrors = view.reasons.map((reason) => translate(locale, `password.${reason}`, limits));
    if (view.sameAsCurrent) passwordErrors.push(t('sameAsCurrent'));
    const confirmationErrors = view.confirmationMismatch ? [reset('mismatch')] : [];
    // Without a current-password field, a stale form's message goes with the new password.
    const firstField = view.forced ? 'password' : 'currentPassword';
    const summary = [
      ...currentErrors.map((message) => ({ field: firstField, message })),
      ...passwordErrors.map((message) => ({ field: 'password', message })),
      ...confirmationErrors.map((message) => ({ field: 'confirmation', message })),
    ];
    const focus = summary[0]?.field ?? null;
    return this.views.page(locale, 'password-change', t('title'), '/account/assets/password-meter.js', {
      forced: view.forced,
      email: view.email,
      csrfToken: view.csrfToken,
      minLength: view.minLength,
      maxLength: PASSWORD_MAX_LENGTH,
      currentErrors: view.forced ? [] : currentErrors,
      passwordErrors: view.forced ? [...currentErrors, ...passwordErrors] : passwordErrors,
      confirmationErrors,
      summary,
      focusCurrent: focus === 'currentPassword',
      focusPassword: focus === 'password',
      focusConfirmation: focus === 'confirmation',
      text: {
        title: t('title'),
        intro: t(view.forced ? 'introForced' : 'intro'),
        errorsTitle: reset('errorsTitle'),
        current: t('current'),
        password: reset('password'),
        passwordHint: reset('passwordHint', { minLength: view.minLength }),
        confirmation: reset('confirmation'),
        submit: reset('submit'),
        back: t('back'),
        signOut: translate(locale, 'account.home.signOut'),
        meter: reset('meter'),
        meterLevels: ['', 'tooShort', 'fair', 'good', 'strong']
          .map((level) => (level ? reset(`meter.${level}`) : ''))
          .join('|'),
      },
    });
  }
}
