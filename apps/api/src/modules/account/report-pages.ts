import { Injectable } from '@nestjs/common';

import { CredentialKind, Locale } from '@keydesk/domain';

import { formatWhen } from '../../common/i18n/format-when';
import { translate } from '../../common/i18n/translate';
import { OpenReport } from '../credentials/account-locks.service';
import { howText } from '../credentials/credential-notices';
import { AccountViews } from './account-views';

/** The pages of a "This wasn't me" link, in the client's language. */
@Injectable()
export class ReportPages {
  constructor(private readonly views: AccountViews) {}

  /** What happened, and the one button that locks the account. */
  form({ report, user, locale, formToken }: OpenReport, action: string, forged: boolean): string {
    const t = (key: string, params?: Record<string, string>) => translate(locale, `account.report.${key}`, params);
    const what =
      report.changeKind === CredentialKind.Email
        ? t('whatEmail')
        : report.changeKind === CredentialKind.SecondFactor
          ? t('whatSecondFactor')
          : t('whatPassword');
    return this.views.page(locale, 'report-form', t('title'), null, {
      action,
      formToken,
      forged,
      text: {
        title: t('title'),
        intro: t('intro', { name: `${user.firstName} ${user.lastName}`.trim() }),
        whatLabel: t('whatLabel'),
        what,
        whenLabel: t('whenLabel'),
        when: formatWhen(report.changedAt, locale),
        howLabel: t('howLabel'),
        how: howText(locale, report.changeWay, report.changedBy),
        consequences: t('consequences'),
        confirm: t('confirm'),
        forged: t('forged'),
        mistake: t('mistake'),
      },
    });
  }

  locked(locale: Locale): string {
    const t = (key: string) => translate(locale, `account.reportDone.${key}`);
    return this.views.page(locale, 'reset-invalid', t('title'), null, {
      text: { title: t('title'), body: t('body'), next: t('next') },
    });
  }

  invalid(locale: Locale): string {
    const t = (key: string) => translate(locale, `account.reportInvalid.${key}`);
    return this.views.page(locale, 'reset-invalid', t('title'), null, {
      text: { title: t('title'), body: t('body'), next: t('next') },
    });
  }
}
