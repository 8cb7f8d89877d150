import { Injectable } from '@nestjs/common';

import { Locale, PASSWORD_MAX_LENGTH, PasswordRejection, RescueRedemptionOutcome } from '@keydesk/domain';

import { translate } from '../../common/i18n/translate';
import { AccountViews } from './account-views';

type Params = Record<string, string | number>;
/** A message key under account.rescue.*, with its params. */
type Message = { key: string; params?: Params } | null;

export interface RescueFormValues {
  clientKey: string;
  username: string;
}

export interface RescueFormView {
  /** ?lang= as asked, kept on every link; null: Accept-Language chose. */
  lang: Locale | null;
  formToken: string;
  values: RescueFormValues;
  error: Message;
  /** The redeem form only: a code was just asked for. */
  noticeMinutes?: number;
  /** The redeem form only: the customer chooses the password after this step. */
  customerChooses?: boolean;
}

export interface RescueChooseView {
  formToken: string;
  values: RescueFormValues & { code: string };
  minLength: number;
  reasons: PasswordRejection[];
  confirmationMismatch?: boolean;
  /** The user has a second factor: the form asks for the app's code or a recovery code too. */
  secondFactor?: boolean;
  secondFactorError?: 'wrong' | 'missing' | null;
}

/** The rescue-code pages of the client area (the XPD procedure): plain HTML that works with no script. */
@Injectable()
export class RescuePages {
  constructor(private readonly views: AccountViews) {}

  redeem(locale: Locale, view: RescueFormView): string {
    const t = (key: string, params?: Params) => translate(locale, `account.rescue.${key}`, params);
    const links = this.links(locale, view.lang, '/account/rescue');
    return this.views.page(locale, 'rescue-redeem', t('title'), null, {
      ...links,
      formToken: view.formToken,
      values: view.values,
      error: view.error ? t(view.error.key, view.error.params) : null,
      errorField: view.error?.key === 'required' ? 'clientKey' : 'code',
      notice: view.noticeMinutes ? translate(locale, 'rescue.requested', { minutes: view.noticeMinutes }) : null,
      text: {
        ...this.fieldTexts(locale, t),
        title: t('title'),
        intro: t('intro'),
        code: t('code'),
        codeHint: t('codeHint'),
        submit: t(view.customerChooses ? 'submitChoose' : 'submitMailed'),
        noCode: t('noCode'),
        requestLink: t('requestLink'),
      },
    });
  }

  request(locale: Locale, view: RescueFormView): string {
    const t = (key: string, params?: Params) => translate(locale, `account.rescue.${key}`, params);
    const links = this.links(locale, view.lang, '/account/rescue/request');
    return this.views.page(locale, 'rescue-request', t('requestTitle'), null, {
      ...links,
      formToken: view.formToken,
      values: view.values,
      error: view.error ? t(view.error.key, view.error.params) : null,
      text: {
        ...this.fieldTexts(locale, t),
        title: t('requestTitle'),
        intro: t('requestIntro'),
        submit: t('requestSubmit'),
        haveCode: t('haveCode'),
      },
    });
  }

  choose(locale: Locale, view: RescueChooseView): string {
    const t = (key: string) => translate(locale, `account.rescue.${key}`);
    const reset = (key: string, params?: Params) => translate(locale, `account.reset.${key}`, params);
    const limits = { minLength: view.minLength, maxLength: PASSWORD_MAX_LENGTH };
    const passwordErrors = view.reasons.map((reason) => translate(locale, `password.${reason}`, limits));
    const confirmationErrors = view.confirmationMismatch ? [reset('mismatch')] : [];
    const secondFactorErrors = view.secondFactorError ? [t(`secondFactor.${view.secondFactorError}`)] : [];
    return this.views.page(locale, 'rescue-choose', t('chooseTitle'), '/account/assets/password-meter.js', {
      action: '/account/rescue',
      formToken: view.formToken,
      values: view.values,
      minLength: view.minLength,
      maxLength: PASSWORD_MAX_LENGTH,
      passwordErrors,
      confirmationErrors,
      secondFactor: view.secondFactor ?? false,
      secondFactorErrors,
      summary: [
        ...secondFactorErrors.map((message) => ({ field: 'secondFactor', message })),
        ...passwordErrors.map((message) => ({ field: 'password', message })),
        ...confirmationErrors.map((message) => ({ field: 'confirmation', message })),
      ],
      text: {
        title: t('chooseTitle'),
        intro: t(view.secondFactor ? 'chooseIntroSecondFactor' : 'chooseIntro'),
        secondFactor: t('secondFactor.label'),
        secondFactorHint: t('secondFactor.hint'),
        noSecondFactor: t('secondFactor.none'),
        errorsTitle: reset('errorsTitle'),
        password: reset('password'),
        passwordHint: reset('passwordHint', { minLength: view.minLength }),
        confirmation: reset('confirmation'),
        submit: reset('submit'),
        meter: reset('meter'),
        meterLevels: ['', 'tooShort', 'fair', 'good', 'strong']
          .map((level) => (level ? reset(`meter.${level}`) : ''))
          .join('|'),
      },
    });
  }

  done(locale: Locale, outcome: RescueRedemptionOutcome, lang: Locale | null): string {
    const t = (key: string) => translate(locale, `account.rescue.${key}`);
    return this.views.page(locale, 'rescue-done', t('doneTitle'), null, {
      loginUrl: `/account/login?with=key${lang ? `&lang=${lang}` : ''}`,
      text: { title: t('doneTitle'), body: translate(locale, `rescue.redeemed.${outcome}`), signIn: t('signIn') },
    });
  }

  private fieldTexts(locale: Locale, t: (key: string) => string) {
    return {
      errorsTitle: t('errorsTitle'),
      clientKey: t('clientKey'),
      clientKeyHint: t('clientKeyHint'),
      username: t('username'),
      usernameHint: t('usernameHint'),
      backToLogin: t('backToLogin'),
      language: translate(locale, 'account.language.switch'),
    };
  }

  /** Every link keeps a ?lang= the customer chose; the language link switches it. */
  private links(locale: Locale, lang: Locale | null, path: string) {
    const other: Locale = locale === 'es' ? 'en' : 'es';
    const keep = (target: string) => (lang ? `${target}?lang=${lang}` : target);
    return {
      action: keep(path),
      redeemUrl: keep('/account/rescue'),
      requestUrl: keep('/account/rescue/request'),
      loginUrl: keep('/account/login'),
      languageUrl: `${path}?lang=${other}`,
      otherLang: other,
    };
  }
}
