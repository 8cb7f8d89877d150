import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';

import { Locale, PASSWORD_MAX_LENGTH, PasswordRejection } from '@keydesk/domain';

import { translate } from '../../common/i18n/translate';

/**
 * The client area's page templates. They sit in apps/api/views, beside src/ and dist/ rather than
 * inside either (as libs/mailer's templates do), so the same path holds under vitest and in the build.
 */
export const VIEWS_DIR = resolve(__dirname, '..', '..', '..', 'views', 'account');

type Page = 'reset-form' | 'reset-done' | 'reset-invalid' | 'reveal-form' | 'reveal-shown' | 'reveal-invalid';
type Template = (context: Record<string, unknown>) => string;

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
  private readonly handlebars = Handlebars.create();
  private readonly templates = new Map<string, Template>();

  resetForm(locale: Locale, view: ResetFormView): string {
    const t = (key: string, params?: Record<string, string | number>) => translate(locale, `account.reset.${key}`, params);
    const limits = { minLength: view.minLength, maxLength: PASSWORD_MAX_LENGTH };
    const passwordErrors = view.reasons.map((reason) => translate(locale, `password.${reason}`, limits));
    if (view.formExpired) passwordErrors.unshift(t('formExpired'));
    const confirmationErrors = view.confirmationMismatch ? [t('mismatch')] : [];
    const summary = [
      ...passwordErrors.map((message) => ({ field: 'password', message })),
      ...confirmationErrors.map((message) => ({ field: 'confirmation', message })),
    ];
    return this.page(locale, 'reset-form', t('title'), '/account/assets/password-meter.js', {
      action: view.action, formToken: view.formToken, minLength: view.minLength, maxLength: PASSWORD_MAX_LENGTH,
      passwordErrors, confirmationErrors, summary,
      text: {
        title: t('title'), intro: t('intro'), errorsTitle: t('errorsTitle'), password: t('password'),
        passwordHint: t('passwordHint', { minLength: view.minLength }), confirmation: t('confirmation'), submit: t('submit'),
        meter: t('meter'), meterLevels: ['', 'tooShort', 'fair', 'good', 'strong'].map((level) => (level ? t(`meter.${level}`) : '')).join('|'),
      },
    });
  }

  resetDone(locale: Locale): string {
    const t = (key: string) => translate(locale, `account.done.${key}`);
    return this.page(locale, 'reset-done', t('title'), null, {
      loginUrl: '/account/login', text: { title: t('title'), body: t('body'), login: t('login') },
    });
  }

  resetInvalid(locale: Locale): string {
    const t = (key: string) => translate(locale, `account.invalid.${key}`);
    return this.page(locale, 'reset-invalid', t('title'), null, { text: { title: t('title'), body: t('body'), next: t('next') } });
  }

  /** A view-once link's page: only a button, so a scanner that fetches the link reveals nothing. */
  revealForm(locale: Locale, view: { action: string; formToken: string; forged?: boolean }): string {
    const t = (key: string) => translate(locale, `account.reveal.${key}`);
    return this.page(locale, 'reveal-form', t('title'), null, {
      action: view.action, formToken: view.formToken, forged: view.forged === true,
      text: { title: t('title'), intro: t('intro'), reveal: t('reveal'), once: t('once'), forged: t('forged') },
    });
  }

  revealShown(locale: Locale, password: string, expiresAt: string): string {
    const t = (key: string, params?: Record<string, string>) => translate(locale, `account.revealed.${key}`, params);
    return this.page(locale, 'reveal-shown', t('title'), null, {
      password, loginUrl: '/account/login',
      text: { title: t('title'), intro: t('intro'), label: t('label'), expires: t('expires', { when: expiresAt }), next: t('next'), login: t('login') },
    });
  }

  revealInvalid(locale: Locale): string {
    const t = (key: string) => translate(locale, `account.revealInvalid.${key}`);
    return this.page(locale, 'reveal-invalid', t('title'), null, { text: { title: t('title'), body: t('body'), next: t('next') } });
  }

  private page(locale: Locale, name: Page, title: string, script: string | null, data: Record<string, unknown>): string {
    return this.template('layout')({ lang: locale, title, productName: 'Keydesk', script, body: this.template(name)(data) });
  }

  private template(name: string): Template {
    let template = this.templates.get(name);
    if (!template) {
      template = this.handlebars.compile(readFileSync(join(VIEWS_DIR, `${name}.hbs`), 'utf8'), { strict: true });
      this.templates.set(name, template);
    }
    return template;
  }
}
