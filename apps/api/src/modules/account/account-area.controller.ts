import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { Public } from '../../common/access/access.decorator';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { UserSessionCookie } from '../user-sessions/user-session-cookie';
import { AccountSessionGate } from './account-session-gate';
import { AccountEmailChangeService, EmailChangeForm } from './account-email-change.service';
import { AccountPasswordChangeService, PasswordChangeForm } from './account-password-change.service';
import { sameToken } from './client-area-rules';
import { ClientAreaPages } from './client-area-pages';
import { ClientAreaService } from './client-area.service';
import { EmailChangePages } from './email-change-pages';
import { sendAccountPage } from './send-account-page';

/**
 * The signed-in client area: the account page, choosing a password, changing the email, signing out. Public to the
 * staff guards; each handler asks ClientAreaService for the customer's session, and every form
 * posts that session's CSRF token. While a temporary password awaits its replacement, only the
 * change page (and signing out) answer.
 */
@ApiExcludeController()
@Controller('account')
export class AccountAreaController {
  constructor(
    private readonly area: ClientAreaService,
    private readonly passwords: AccountPasswordChangeService,
    private readonly emails: AccountEmailChangeService,
    private readonly emailPages: EmailChangePages,
    private readonly pages: ClientAreaPages,
    private readonly cookie: UserSessionCookie,
    private readonly gate: AccountSessionGate,
  ) {}

  @Get()
  @Public()
  async home(
    @Query('changed') changed: unknown,
    @Req() request: Request,
    @Res() response: Response,
    @Ctx() context: RequestContext,
  ) {
    const current = await this.gate.require(request, response, context);
    if (!current) return;
    sendAccountPage(
      response,
      200,
      this.pages.home(current.locale, {
        ...this.area.profile(current),
        csrfToken: current.session.csrfToken,
        formExpired: false,
        notice: changed === '1' ? 'passwordChanged' : changed === 'email' ? 'emailChanged' : null,
      }),
    );
  }

  @Get('password/change')
  @Public()
  async showChange(@Req() request: Request, @Res() response: Response, @Ctx() context: RequestContext) {
    const current = await this.gate.require(request, response, context, ['full', 'password-change']);
    if (!current) return;
    sendAccountPage(
      response,
      200,
      this.pages.passwordChange(current.locale, {
        forced: current.user.mustChangePassword,
        email: current.user.email,
        csrfToken: current.session.csrfToken,
        minLength: this.passwords.minLength,
        reasons: [],
        currentError: null,
      }),
    );
  }

  @Post('password/change')
  @Public()
  async change(@Req() request: Request, @Res() response: Response, @Ctx() context: RequestContext) {
    const current = await this.gate.require(request, response, context, ['full', 'password-change']);
    if (!current) return;
    const outcome = await this.passwords.change(current, (request.body ?? {}) as PasswordChangeForm, context);
    if (outcome.kind === 'done') {
      this.cookie.set(response, outcome.cookieId);
      response.setHeader('Cache-Control', 'no-store');
      return response.redirect(303, '/account/?changed=1');
    }
    if (outcome.retryAfter) response.setHeader('Retry-After', String(outcome.retryAfter));
    sendAccountPage(
      response,
      outcome.status,
      this.pages.passwordChange(current.locale, {
        ...outcome,
        forced: current.user.mustChangePassword,
        email: current.user.email,
        csrfToken: current.session.csrfToken,
        minLength: this.passwords.minLength,
      }),
    );
  }

  @Get('email/change')
  @Public()
  async showEmailChange(@Req() request: Request, @Res() response: Response, @Ctx() context: RequestContext) {
    const current = await this.gate.require(request, response, context);
    if (!current) return;
    sendAccountPage(
      response,
      200,
      this.emailPages.form(current.locale, { currentEmail: current.user.email, csrfToken: current.session.csrfToken }),
    );
  }

  @Post('email/change')
  @Public()
  async changeEmail(@Req() request: Request, @Res() response: Response, @Ctx() context: RequestContext) {
    const current = await this.gate.require(request, response, context);
    if (!current) return;
    const outcome = await this.emails.change(current, (request.body ?? {}) as EmailChangeForm, context);
    if (outcome.kind === 'done') return response.redirect(303, '/account/?changed=email');
    if (outcome.retryAfter) response.setHeader('Retry-After', String(outcome.retryAfter));
    sendAccountPage(
      response,
      outcome.status,
      this.emailPages.form(current.locale, {
        currentEmail: current.user.email,
        csrfToken: current.session.csrfToken,
        refusal: outcome,
      }),
    );
  }

  @Post('logout')
  @Public()
  async logout(@Req() request: Request, @Res() response: Response, @Ctx() context: RequestContext) {
    const current = await this.gate.require(request, response, context, 'any');
    if (!current) return;
    if (!sameToken(current.session.csrfToken, (request.body as { csrfToken?: unknown } | undefined)?.csrfToken)) {
      return sendAccountPage(
        response,
        403,
        this.pages.home(current.locale, {
          ...this.area.profile(current),
          csrfToken: current.session.csrfToken,
          notice: null,
          formExpired: true,
        }),
      );
    }
    await this.area.signOut(current, context);
    this.cookie.clear(response);
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(303, '/account/login?signedOut=1');
  }
}
