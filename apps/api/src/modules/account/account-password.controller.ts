import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { Public } from '../../common/access/access.decorator';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { localeFromAcceptLanguage } from '../../common/i18n/translate';
import { AccountPages } from './account-pages';
import { VIEWS_DIR } from './account-views';
import { PasswordResetCompletionService, ResetForm } from './password-reset-completion.service';
import { sendAccountPage as send } from './send-account-page';

/**
 * /account/password/reset/:token, the page a reset mail links to. Public (the link is the
 * credential; the form carries a token bound to it instead of a session's CSRF token). Unknown,
 * used, voided and expired links all get the same 410 page.
 */
@ApiExcludeController()
@Controller('account')
export class AccountPasswordController {
  private readonly meterScript = readFileSync(join(VIEWS_DIR, 'password-meter.js'), 'utf8');
  // SimpleWebAuthn's browser bundle (it defines window.SimpleWebAuthnBrowser), then the page's own
  // few lines: one script for every passkey page.
  private readonly passkeyScript = [
    readFileSync(
      join(dirname(require.resolve('@simplewebauthn/browser')), '..', 'dist', 'bundle', 'index.umd.min.js'),
      'utf8',
    ),
    readFileSync(join(VIEWS_DIR, 'passkeys.js'), 'utf8'),
  ].join('\n;\n');

  constructor(
    private readonly completion: PasswordResetCompletionService,
    private readonly pages: AccountPages,
  ) {}

  @Get('password/reset/:token')
  @Public()
  async show(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const reset = await this.completion.open(token);
    if (!reset) return this.sendInvalid(token, request, response);
    send(
      response,
      200,
      this.pages.resetForm(reset.locale, {
        action: request.originalUrl.split('?')[0],
        formToken: reset.formToken,
        minLength: this.completion.minLength,
        reasons: [],
      }),
    );
  }

  @Post('password/reset/:token')
  @Public()
  async submit(
    @Param('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    const outcome = await this.completion.complete(token, (request.body ?? {}) as ResetForm, context);
    if (outcome.kind === 'done') return send(response, 200, this.pages.resetDone(outcome.locale));
    if (outcome.kind === 'invalid') return this.sendInvalid(token, request, response);
    send(
      response,
      outcome.status,
      this.pages.resetForm(outcome.reset.locale, {
        action: request.originalUrl.split('?')[0],
        formToken: outcome.reset.formToken,
        minLength: this.completion.minLength,
        reasons: outcome.reasons,
        confirmationMismatch: outcome.confirmation,
        formExpired: outcome.form,
      }),
    );
  }

  private async sendInvalid(token: string, request: Request, response: Response): Promise<void> {
    const locale =
      (await this.completion.languageOf(token)) ?? localeFromAcceptLanguage(request.header('accept-language'));
    send(response, 410, this.pages.resetInvalid(locale));
  }

  @Get('assets/password-meter.js')
  @Public()
  meter(@Res() response: Response): void {
    response.setHeader('Cache-Control', 'public, max-age=3600');
    response.type('text/javascript').send(this.meterScript);
  }

  @Get('assets/passkeys.js')
  @Public()
  passkeys(@Res() response: Response): void {
    response.setHeader('Cache-Control', 'public, max-age=3600');
    response.type('text/javascript').send(this.passkeyScript);
  }
}
