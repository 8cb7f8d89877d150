import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { Public } from '../../common/access/access.decorator';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { formatWhen } from '../../common/i18n/format-when';
import { localeFromAcceptLanguage } from '../../common/i18n/translate';
import { PasswordRevealService } from '../user-passwords/password-reveal.service';
import { AccountPages } from './account-pages';
import { sendAccountPage } from './send-account-page';

/**
 * /account/password/reveal/:token, the view-once link of a temporary password. GET only shows a
 * button (mail scanners fetch links; they must not use it up); POST, with the page's form token,
 * shows the password once. Unknown, shown, replaced and expired links all get the same 410 page.
 */
@ApiExcludeController()
@Controller('account/password/reveal')
export class AccountRevealController {
  constructor(
    private readonly reveals: PasswordRevealService,
    private readonly pages: AccountPages,
  ) {}

  @Get(':token')
  @Public()
  async show(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const reveal = await this.reveals.open(token);
    if (!reveal) return this.sendInvalid(token, request, response);
    sendAccountPage(
      response,
      200,
      this.pages.revealForm(reveal.locale, { action: actionOf(request), formToken: reveal.formToken }),
    );
  }

  @Post(':token')
  @Public()
  async reveal(
    @Param('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    const outcome = await this.reveals.reveal(
      token,
      (request.body as { formToken?: unknown } | undefined)?.formToken,
      context,
    );
    if (outcome.kind === 'invalid') return this.sendInvalid(token, request, response);
    if (outcome.kind === 'forged') {
      const page = this.pages.revealForm(outcome.reveal.locale, {
        action: actionOf(request),
        formToken: outcome.reveal.formToken,
        forged: true,
      });
      return sendAccountPage(response, 403, page);
    }
    sendAccountPage(
      response,
      200,
      this.pages.revealShown(outcome.locale, outcome.password, formatWhen(outcome.expiresAt, outcome.locale)),
    );
  }

  private async sendInvalid(token: string, request: Request, response: Response): Promise<void> {
    const locale =
      (await this.reveals.languageOf(token)) ?? localeFromAcceptLanguage(request.header('accept-language'));
    sendAccountPage(response, 410, this.pages.revealInvalid(locale));
  }
}

function actionOf(request: Request): string {
  return request.originalUrl.split('?')[0];
}
