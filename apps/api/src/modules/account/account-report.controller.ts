import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { Public } from '../../common/access/access.decorator';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { localeFromAcceptLanguage } from '../../common/i18n/translate';
import { AccountLocksService } from '../credentials/account-locks.service';
import { ReportPages } from './report-pages';
import { sendAccountPage } from './send-account-page';

/**
 * /account/report/:token, a notice's "This wasn't me" link. GET shows what happened and one button
 * (a mail scanner that fetches the link changes nothing); POST, with the page's form token, locks
 * the account. Unknown, used and expired links all get the same 410 page.
 */
@ApiExcludeController()
@Controller('account/report')
export class AccountReportController {
  constructor(
    private readonly locks: AccountLocksService,
    private readonly pages: ReportPages,
  ) {}

  @Get(':token')
  @Public()
  async show(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const open = await this.locks.open(token);
    if (!open) return this.sendInvalid(token, request, response);
    sendAccountPage(response, 200, this.pages.form(open, request.originalUrl.split('?')[0], false));
  }

  @Post(':token')
  @Public()
  async confirm(
    @Param('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    const outcome = await this.locks.confirm(
      token,
      (request.body as { formToken?: unknown } | undefined)?.formToken,
      context,
    );
    if (outcome.kind === 'invalid') return this.sendInvalid(token, request, response);
    if (outcome.kind === 'forged')
      return sendAccountPage(response, 403, this.pages.form(outcome.open, request.originalUrl.split('?')[0], true));
    sendAccountPage(response, 200, this.pages.locked(outcome.locale));
  }

  private async sendInvalid(token: string, request: Request, response: Response): Promise<void> {
    const locale = (await this.locks.languageOf(token)) ?? localeFromAcceptLanguage(request.header('accept-language'));
    sendAccountPage(response, 410, this.pages.invalid(locale));
  }
}
