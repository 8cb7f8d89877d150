import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { Public } from '../../common/access/access.decorator';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { CustomerPasskeysService } from '../customer-two-factor/customer-passkeys.service';
import { UserSessionCookie } from '../user-sessions/user-session-cookie';
import { AccountSignInService, SignInForm, SignInNext } from './account-sign-in.service';
import { ClientAreaPages, LoginView } from './client-area-pages';
import { pickLocale } from './client-area-rules';
import { ClientAreaService } from './client-area.service';
import { LoginFormTokens } from './login-form-tokens';
import { passkeyAnswer } from './passkey-answers';
import { sendAccountPage } from './send-account-page';

/**
 * /account/login: by email, or (?with=key) by client key and user name. Public to the staff
 * guards; the form carries LoginFormTokens' token instead of a session's CSRF token.
 */
@ApiExcludeController()
@Controller('account')
export class AccountSignInController {
  constructor(
    private readonly signIns: AccountSignInService,
    private readonly area: ClientAreaService,
    private readonly pages: ClientAreaPages,
    private readonly formTokens: LoginFormTokens,
    private readonly cookie: UserSessionCookie,
    private readonly passkeys: CustomerPasskeysService,
  ) {}

  @Get('login')
  @Public()
  async show(
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
    @Ctx() context: RequestContext,
  ) {
    const current = await this.area.current(this.cookie.read(request), context.locale);
    if (current.kind === 'live') return response.redirect(303, '/account/');
    const notice =
      query.ended === '1' || current.kind === 'expired'
        ? 'sessionEnded'
        : query.signedOut === '1'
          ? 'signedOut'
          : query.tooMany === '1'
            ? 'tooManyCodes'
            : null;
    if (current.kind === 'expired') this.cookie.clear(response);
    const view = this.view(query, request, response, { byKey: query.with === 'key', notice });
    sendAccountPage(response, 200, this.pages.login(view.lang ?? context.locale, view));
  }

  @Post('login')
  @Public()
  async submit(
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
    @Ctx() context: RequestContext,
  ) {
    const form = (request.body ?? {}) as SignInForm;
    const byKey = form.method === 'key';
    const values = {
      email: field(form.email, 254),
      clientKey: field(form.clientKey, 20),
      username: field(form.username, 64),
    };
    if (!this.formTokens.verify(request, (request.body as { formToken?: unknown } | undefined)?.formToken)) {
      const view = this.view(query, request, response, { byKey, values, error: { key: 'formExpired' } });
      return sendAccountPage(response, 403, this.pages.login(view.lang ?? context.locale, view));
    }
    const outcome = await this.signIns.signIn(form, context);
    if (outcome.kind === 'refused') {
      if (outcome.retryAfter) response.setHeader('Retry-After', String(outcome.retryAfter));
      const view = this.view(query, request, response, { byKey, values, error: outcome.error });
      return sendAccountPage(response, outcome.status, this.pages.login(view.lang ?? context.locale, view));
    }
    this.formTokens.clear(response);
    this.cookie.set(response, outcome.cookieId);
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(303, NEXT_PAGE[outcome.next]);
  }

  /** The options for signing in with a passkey alone (the page's script asks, with the form's token). */
  @Post('login/passkey/options')
  @HttpCode(200)
  @Public()
  async passkeyOptions(@Req() request: Request, @Res() response: Response) {
    if (!this.formTokens.verify(request, (request.body as { formToken?: unknown } | undefined)?.formToken))
      return response.status(403).json({ code: 'CSRF_TOKEN_INVALID' });
    response.setHeader('Cache-Control', 'no-store');
    response.json(await this.passkeys.passwordlessOptions());
  }

  @Post('login/passkey')
  @Public()
  async submitPasskey(
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
    @Ctx() context: RequestContext,
  ) {
    const form = (request.body ?? {}) as { formToken?: unknown; response?: unknown };
    const answer = passkeyAnswer(form.response);
    const refuse = (status: number, key: string) => {
      const view = this.view(query, request, response, { error: { key } });
      sendAccountPage(response, status, this.pages.login(view.lang ?? context.locale, view));
    };
    if (!this.formTokens.verify(request, form.formToken)) return refuse(403, 'formExpired');
    if (!answer) return refuse(400, 'passkeyRefused');
    const outcome = await this.signIns.signInWithPasskey(answer, context);
    if (outcome.kind === 'refused') return refuse(outcome.status, outcome.error.key);
    this.formTokens.clear(response);
    this.cookie.set(response, outcome.cookieId);
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(303, NEXT_PAGE[outcome.next]);
  }

  private view(
    query: Record<string, unknown>,
    request: Request,
    response: Response,
    fields: Partial<LoginView>,
  ): LoginView {
    return {
      byKey: false,
      lang: pickLocale(query.lang),
      formToken: this.formTokens.issue(request, response),
      values: { email: '', clientKey: '', username: '' },
      error: null,
      notice: null,
      ...fields,
    };
  }
}

/** Where each kind of sign-in goes on: the second factor, the enrolment a client requires, a new password, home. */
const NEXT_PAGE: Record<SignInNext, string> = {
  'second-factor': '/account/login/second-factor',
  enrol: '/account/security',
  change: '/account/password/change',
  home: '/account/',
};

function field(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}
