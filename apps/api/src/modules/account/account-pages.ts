import { Injectable } from '@nestjs/common';

import { Locale, PASSWORD_MAX_LENGTH, PasswordRejection } from '@keydesk/domain';

import { translate } from '../../common/i18n/translate';
import { AccountViews } from './account-views';

export interface ResetFormView {
  action: string;
  formToken: string;
  minLength: number;
  reasons: PasswordRejection[];
  confirmationMismatch?: boolean;
  formExpired?: boolean;
}

/** Renders the account pages in the customer's language: plain HTML that works with no script. */
@Injectable()
export class AccountPages {
  constructor(private readonly views: AccountViews) {}

  resetForm(locale: Locale, view: ResetFormView): string {
    const t = (key: string, params?: Record<string, string | number>) =>
      translate(locale, `account.reset.${key}`, params);
    const limits = { minLength: view.minLength, maxLength: PASSWORD_MAX_LENGTH };
    const passwordErrors = view.reasons.map((reason) => translate(locale, `password.${reason}`, limits));
    if (view.formExpired) passwordErrors.unshift(t('formExpired'));
    const confirmationErrors = view.confirmationMismatch ? [t('mismatch')] : [];
    const summary = [
      ...passwordErrors.map((message) => ({ field: 'password', message })),
      ...confirmationErrors.map((message) => ({ field: 'confirmation', message })),
    ];
    return this.views.page(locale, 'reset-form', t('title'), '/account/assets/password-meter.js', {
      action: view.action,
      formToken: view.formToken,
      minLength: view.minLength,
      maxLength: PASSWORD_MAX_LENGTH,
      passwordErrors,
      confirmationErrors,
      summary,
      text: {
        title: t('title'),
        intro: t('intro'),
        errorsTitle: t('errorsTitle'),
        password: t('password'),
        passwordHint: t('passwordHint', { minLength: view.minLength }),
        confirmation: t('confirmation'),
        submit: t('submit'),
        meter: t('meter'),
        meterLevels: ['', 'tooShort', 'fair', 'good', 'strong']
          .map((level) => (level ? t(`meter.${level}`) : ''))
          .join('|'),
      },
    });
  }

  resetDone(locale: Locale): string {
    const t = (key: string) => translate(locale, `account.done.${key}`);
    return this.views.page(locale, 'reset-done', t('title'), null, {
      loginUrl: '/account/login',
      text: { title: t('title'), body: t('body'), login: t('login') },
    });
  }

  resetInvalid(locale: Locale): string {
    const t = (key: string) => translate(locale, `account.invalid.${key}`);
    return this.views.page(locale, 'reset-invalid', t('title'), null, {
      text: { title: t('title'), body: t('body'), next: t('next') },
    });
  }

  /** A view-once link's page: only a button, so a scanner that fetches the link reveals nothing. */
  revealForm(locale: Locale, view: { action: string; formToken: string; forged?: boolean }): string {
    const t = (key: string) => translate(locale, `account.reveal.${key}`);
    return this.views.page(locale, 'reveal-form', t('title'), null, {
      action: view.action,
      formToken: view.formToken,
      forged: view.forged === true,
      text: { title: t('title'), intro: t('intro'), reveal: t('reveal'), once: t('once'), forged: t('forged') },
    });
  }

  revealShown(locale: Locale, password: string, expiresAt: string): string {
    const t = (key: string, params?: Record<string, string>) => translate(locale, `account.revealed.${key}`, params);
    return this.views.page(locale, 'reveal-shown', t('title'), null, {
      password,
      loginUrl: '/account/login',
      text: {
        title: t('title'),
        intro: t('intro'),
        label: t('label'),
        expires: t('expires', { when: expiresAt }),
        next: t('next'),
        login: t('login'),
      },
    });
  }

  revealInvalid(locale: Locale): string {
    const t = (key: string) => translate(locale, `account.revealInvalid.${key}`);
    return this.views.page(locale, 'reveal-invalid', t('title'), null, {
      text: { title: t('title'), body: t('body'), next: t('next') },
    });
  }
}
