import { Injectable } from '@nestjs/common';

import { Locale } from '@keydesk/domain';

import { translate } from '../../common/i18n/translate';
import { EmailChangeOutcome } from './account-email-change.service';
import { AccountViews } from './account-views';

type Refusal = Extract<EmailChangeOutcome, { kind: 'refused' }>;

/** The client area's "Change email" page, with its errors beside the fields. */
@Injectable()
export class EmailChangePages {
  constructor(private readonly views: AccountViews) {}

  form(locale: Locale, view: { currentEmail: string; csrfToken: string; refusal?: Refusal }): string {
    const t = (key: string, params?: Record<string, string | number>) =>
      translate(locale, `account.email.${key}`, params);
    const refusal = view.refusal;
    const currentErrors = refusal?.currentError
      ? [translate(locale, refusal.currentError.key, refusal.currentError.params)]
      : [];
    if (refusal?.formExpired) currentErrors.unshift(translate(locale, 'account.reset.formExpired'));
    const emailErrors = refusal?.emailError ? [t(`errors.${refusal.emailError}`)] : [];
    const summary = [
      ...emailErrors.map((message) => ({ field: 'email', message })),
      ...currentErrors.map((message) => ({ field: 'currentPassword', message })),
    ];
    return this.views.page(locale, 'email-change', t('title'), null, {
      csrfToken: view.csrfToken,
      currentEmail: view.currentEmail,
      value: refusal?.value ?? '',
      emailErrors,
      currentErrors,
      summary,
      focusEmail: summary[0]?.field === 'email',
      focusCurrent: summary[0]?.field === 'currentPassword',
      text: {
        title: t('title'),
        intro: t('intro'),
        errorsTitle: translate(locale, 'account.reset.errorsTitle'),
        currentEmail: t('currentEmail'),
        email: t('email'),
        current: translate(locale, 'account.change.current'),
        submit: t('submit'),
        back: translate(locale, 'account.change.back'),
      },
    });
  }
}
