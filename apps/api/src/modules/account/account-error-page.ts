import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';

import { ErrorCode } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { localeFromAcceptLanguage, translate } from '../../common/i18n/translate';
import { AccountViews } from './account-views';
import { pickLocale } from './client-area-rules';
import { sendAccountPage } from './send-account-page';

/**
 * What a customer sees when a client-area request fails before or outside its page's own handling
 * (the database is out of reach, a form the body parser cannot read): a plain page in their
 * language, never the API's JSON.
 */
@Injectable()
export class AccountErrorPage {
  constructor(private readonly views: AccountViews) {}

  static serves(request: Request): boolean {
    return request.path === '/account' || request.path.startsWith('/account/');
  }

  send(request: Request, response: Response, status: number, error: DomainError): void {
    const locale = pickLocale(request.query.lang) ?? localeFromAcceptLanguage(request.headers['accept-language']);
    const kind = error.code === ErrorCode.DatabaseUnavailable ? 'unavailable' : status >= 500 ? 'failed' : 'refused';
    const t = (key: string) => translate(locale, `account.error.${kind}.${key}`);
    sendAccountPage(
      response,
      status,
      this.views.page(locale, 'error', t('title'), null, {
        loginUrl: '/account/login',
        text: {
          title: t('title'),
          body: translate(locale, `errors.${error.code}`, error.params),
          login: translate(locale, 'account.error.login'),
        },
      }),
    );
  }
}
