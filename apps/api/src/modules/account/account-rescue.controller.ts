import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { ErrorCode, Locale } from '@keydesk/domain';

import { Public } from '../../common/access/access.decorator';
import { DomainError } from '../../common/errors/domain-error';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { RescueCodeRedemptionService, RescueRedeemForm } from '../rescue-codes/rescue-code-redemption.service';
import { RescueCodeRequestService } from '../rescue-codes/rescue-code-request.service';
import { pickLocale } from './client-area-rules';
import { LoginFormTokens } from './login-form-tokens';
import { RescueFormView, RescuePages } from './rescue-pages';
import { sendAccountPage as send } from './send-account-page';

type Form = RescueRedeemForm & { formToken?: unknown; confirmation?: unknown; step?: unknown };

/**
 * The XPD procedure in the client area: /account/rescue/request mails a code, /account/rescue
 * redeems it. Public; the forms carry LoginFormTokens' token, as the sign-in form does.
 */
@ApiExcludeController()
@Controller('account/rescue')
export class AccountRescueController {
  constructor(
    private readonly requests: RescueCodeRequestService,
    private readonly redemptions: RescueCodeRedemptionService,
    private readonly pages: RescuePages,
    private readonly formTokens: LoginFormTokens,
  ) {}

  @Get()
  @Public()
  showRedeem(
    @Query('lang') lang: unknown,
    @Req() request: Request,
    @Res() response: Response,
    @Ctx() context: RequestContext,
  ) {
    const view = this.view(request, response, lang, {});
    send(response, 200, this.pages.redeem(view.lang ?? context.locale, view));
  }

  @Get('request')
  @Public()
  showRequest(
    @Query('lang') lang: unknown,
    @Req() request: Request,
    @Res() response: Response,
    @Ctx() context: RequestContext,
  ) {
    const view = this.view(request, response, lang, {});
    send(response, 200, this.pages.request(view.lang ?? context.locale, view));
  }

  /** The same page, words and status whether or not the client key and user name matched. */
  @Post('request')
  @Public()
  async submitRequest(
    @Query('lang') lang: unknown,
    @Req() request: Request,
    @Res() response: Response,
    @Ctx() context: RequestContext,
  ) {
    const form = (request.body ?? {}) as Form;
    const locale = pickLocale(lang) ?? context.locale;
    if (!this.formTokens.verify(request, form.formToken)) {
      return send(
        response,
        403,
        this.pages.request(locale, this.view(request, response, lang, { form, error: { key: 'formExpired' } })),
      );
    }
    try {
      await this.requests.request(form, context);
    } catch (error) {
      const refusal = refusalOf(error, response);
      return send(
        response,
        refusal.status,
        this.pages.request(locale, this.view(request, response, lang, { form, error: refusal.error })),
      );
    }
    const view = this.view(request, response, lang, { form, noticeMinutes: this.requests.validMinutes });
    send(
      response,
      200,
      this.pages.redeem(locale, { ...view, customerChooses: this.redemptions.customerChoosesPassword }),
    );
  }

  @Post()
  @Public()
  async submitRedeem(
    @Query('lang') lang: unknown,
    @Req() request: Request,
    @Res() response: Response,
    @Ctx() context: RequestContext,
  ) {
    const form = (request.body ?? {}) as Form;
    const locale = pickLocale(lang) ?? context.locale;
    const redeemPage = (status: number, error: RescueFormView['error']) =>
      send(
        response,
        status,
        this.pages.redeem(locale, {
          ...this.view(request, response, lang, { form, error }),
          customerChooses: this.redemptions.customerChoosesPassword,
        }),
      );
    if (!this.formTokens.verify(request, form.formToken)) return redeemPage(403, { key: 'formExpired' });
    try {
      if (!(await this.passwordChosen(form, locale, request, response, context))) return;
      const outcome = await this.redemptions.redeem(form, context);
      this.formTokens.clear(response);
      send(response, 200, this.pages.done(locale, outcome, pickLocale(lang)));
    } catch (error) {
      // The code was right, the second proof was not: the same form again, saying so.
      if (error instanceof DomainError && error.code === ErrorCode.SecondFactorInvalid)
        return this.passwordChosen(form, locale, request, response, context, true);
      const refusal = refusalOf(error, response);
      redeemPage(refusal.status, refusal.error);
    }
  }

  /**
   * The OWASP variant, and every user with a second factor: a right code first leads to the
   * choose-a-password form (with, for a second factor, a field for the app's code or a recovery
   * code); that form comes back with the code, which is checked again and used only once the
   * password passes the policy. Answers whether the redemption may go on (at once in the mailed
   * variant without a second factor).
   */
  private async passwordChosen(
    form: Form,
    locale: Locale,
    request: Request,
    response: Response,
    context: RequestContext,
    wrongSecondFactor = false,
  ): Promise<boolean> {
    const accepted = await this.redemptions.accept(form, context);
    const secondFactor = await this.redemptions.hasSecondFactor(accepted);
    if (!this.redemptions.customerChoosesPassword && !secondFactor) return true;
    const password = typeof form.password === 'string' ? form.password : '';
    const submitted = form.step === 'password';
    const reasons = submitted ? this.redemptions.passwordRejections(accepted, password) : [];
    const mismatch = submitted && reasons.length === 0 && form.confirmation !== password;
    const proofMissing = submitted && secondFactor && !text(form.secondFactor, 32).trim();
    if (submitted && reasons.length === 0 && !mismatch && !proofMissing && !wrongSecondFactor) return true;
    send(
      response,
      submitted ? 400 : 200,
      this.pages.choose(locale, {
        formToken: this.formTokens.issue(request, response),
        minLength: this.redemptions.minLength,
        reasons,
        confirmationMismatch: mismatch,
        secondFactor,
        secondFactorError: wrongSecondFactor ? 'wrong' : proofMissing ? 'missing' : null,
        values: {
          clientKey: accepted.account.client.clientKey,
          username: accepted.account.username,
          code: text(form.code, 32),
        },
      }),
    );
    return false;
  }

  private view(
    request: Request,
    response: Response,
    lang: unknown,
    fields: { form?: Form } & Partial<RescueFormView>,
  ): RescueFormView {
    const { form, ...rest } = fields;
    return {
      lang: pickLocale(lang),
      formToken: this.formTokens.issue(request, response),
      error: null,
      values: { clientKey: text(form?.clientKey, 20), username: text(form?.username, 64) },
      ...rest,
    };
  }
}

/** A refusal as a page: 400 for missing fields or a failed redemption, 429 (with Retry-After) past a limit. */
function refusalOf(error: unknown, response: Response): { status: number; error: RescueFormView['error'] } {
  if (!(error instanceof DomainError)) throw error;
  if (error.code === ErrorCode.TooManyRequests) {
    response.setHeader('Retry-After', String(error.retryAfterSeconds));
    return { status: 429, error: { key: 'throttled', params: { seconds: error.retryAfterSeconds ?? 60 } } };
  }
  if (error.code === ErrorCode.ValidationFailed) return { status: 400, error: { key: 'required' } };
  if (error.code === ErrorCode.RescueCodeInvalid) return { status: 400, error: { key: 'invalid' } };
  throw error;
}

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}
