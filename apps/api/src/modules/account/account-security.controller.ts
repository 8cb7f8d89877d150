import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { ActorType, ErrorCode } from '@keydesk/domain';

import { Public } from '../../common/access/access.decorator';
import { DomainError } from '../../common/errors/domain-error';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { TransactionRunner } from '../../database/transaction-runner';
import { ClientsService } from '../clients/clients.service';
import { CustomerPasskeysService } from '../customer-two-factor/customer-passkeys.service';
import { CustomerActing, CustomerTwoFactorService } from '../customer-two-factor/customer-two-factor.service';
import { UserSessionCookie } from '../user-sessions/user-session-cookie';
import { UserSessionRepository } from '../user-sessions/user-session.repository';
import { AccountSecondFactorService } from './account-second-factor.service';
import { AccountSessionGate } from './account-session-gate';
import { sameToken, userName } from './client-area-rules';
import { SignedInUser } from './client-area.service';
import { SecurityPages } from './security-pages';
import { passkeyAnswer, registrationAnswer } from './passkey-answers';
import { sendAccountPage } from './send-account-page';

/**
 * The second step of signing in and the Security page: the customer's authenticator app and
 * recovery codes. Every form posts the session's CSRF token. A session whose client requires a
 * factor it lacks reaches only these pages (and signing out) until one is added.
 */
@ApiExcludeController()
@Controller('account')
export class AccountSecurityController {
  constructor(
    private readonly gate: AccountSessionGate,
    private readonly secondFactor: AccountSecondFactorService,
    private readonly twoFactor: CustomerTwoFactorService,
    private readonly passkeys: CustomerPasskeysService,
    private readonly pages: SecurityPages,
    private readonly cookie: UserSessionCookie,
    private readonly sessions: UserSessionRepository,
    private readonly transactions: TransactionRunner,
    private readonly clients: ClientsService,
  ) {}

  @Get('login/second-factor')
  @Public()
  async showSecondFactor(@Req() request: Request, @Res() response: Response, @Ctx() context: RequestContext) {
    const current = await this.gate.require(request, response, context, ['second-factor']);
    if (!current) return;
    const passkey = await this.hasPasskey(current);
    sendAccountPage(
      response,
      200,
      this.pages.secondFactor(current.locale, { csrfToken: current.session.csrfToken, passkey, error: null }),
    );
  }

  /** The options for the second step with a passkey (the page's script asks). */
  @Post('login/second-factor/passkey/options')
  @HttpCode(200)
  @Public()
  async secondFactorPasskeyOptions(@Req() request: Request, @Res() response: Response, @Ctx() context: RequestContext) {
    const current = await this.gate.require(request, response, context, ['second-factor']);
    if (!current) return;
    if (!sameToken(current.session.csrfToken, (request.body as { csrfToken?: unknown } | undefined)?.csrfToken))
      return response.status(403).json({ code: 'CSRF_TOKEN_INVALID' });
    response.json(await this.passkeys.secondStepOptions(current.user.id, current.session.idHash));
  }

  /** The code typed, or the passkey's answer the page's script put in the form. */
  @Post('login/second-factor')
  @Public()
  async submitSecondFactor(@Req() request: Request, @Res() response: Response, @Ctx() context: RequestContext) {
    const current = await this.gate.require(request, response, context, ['second-factor']);
    if (!current) return;
    const form = (request.body ?? {}) as { csrfToken?: unknown; code?: unknown; response?: unknown };
    // Only a refusal draws the page again (with the passkey button if there is one to use).
    const page = async (status: number, key: string, params?: Record<string, number>) =>
      sendAccountPage(
        response,
        status,
        this.pages.secondFactor(current.locale, {
          csrfToken: current.session.csrfToken,
          passkey: await this.hasPasskey(current),
          error: { key, params },
        }),
      );
    if (!sameToken(current.session.csrfToken, form.csrfToken)) return page(403, 'account.security.formExpired');
    const answer = passkeyAnswer(form.response);
    const outcome = await this.secondFactor.verify(
      current,
      answer ? { passkey: answer } : { code: typeof form.code === 'string' ? form.code.slice(0, 32) : '' },
      context,
    );
    if (outcome.kind === 'wrong') return page(401, 'account.secondFactor.wrong', { triesLeft: outcome.triesLeft });
    if (outcome.kind === 'ended') {
      this.cookie.clear(response);
      return response.redirect(303, '/account/login?tooMany=1');
    }
    this.cookie.set(response, outcome.cookieId);
    response.redirect(303, outcome.next);
  }

  @Get('security')
  @Public()
  async show(@Req() request: Request, @Res() response: Response, @Ctx() context: RequestContext) {
    const current = await this.gate.require(request, response, context, ['full', 'enrolment']);
    if (!current) return;
    await this.sendSecurity(response, current, 200, {});
  }

  @Post('security/totp')
  @Public()
  async beginTotp(@Req() request: Request, @Res() response: Response, @Ctx() context: RequestContext) {
    const current = await this.posted(request, response, context);
    if (!current) return;
    const enrolment =
      (await this.twoFactor.pendingTotp(current.user)) ?? (await this.twoFactor.beginTotp(current.user));
    sendAccountPage(
      response,
      200,
      this.pages.totpEnrolment(current.locale, { csrfToken: current.session.csrfToken, enrolment, wrongCode: false }),
    );
  }

  @Post('security/totp/confirm')
  @Public()
  async confirmTotp(@Req() request: Request, @Res() response: Response, @Ctx() context: RequestContext) {
    const current = await this.posted(request, response, context);
    if (!current) return;
    const added = await this.twoFactor.confirmTotp(this.acting(current, context), codeOf(request));
    if (!added) {
      const enrolment = await this.twoFactor.pendingTotp(current.user);
      if (!enrolment) return response.redirect(303, '/account/security');
      return sendAccountPage(
        response,
        400,
        this.pages.totpEnrolment(current.locale, { csrfToken: current.session.csrfToken, enrolment, wrongCode: true }),
      );
    }
    // The enrolment a client required is done: the session serves every page from now on.
    if (current.session.enrolmentRequired)
      await this.transactions.run((manager) => this.sessions.clearEnrolment(manager, current.session.idHash));
    if (!added.recoveryCodes) return this.sendSecurity(response, current, 200, { notice: 'totpAddedKeptCodes' });
    const continueUrl = current.user.mustChangePassword ? '/account/password/change' : '/account/security';
    sendAccountPage(
      response,
      200,
      this.pages.recoveryCodes(current.locale, { codes: added.recoveryCodes, notice: 'totpAdded', continueUrl }),
    );
  }

  @Post('security/totp/remove')
  @Public()
  async removeTotp(@Req() request: Request, @Res() response: Response, @Ctx() context: RequestContext) {
    const current = await this.posted(request, response, context);
    if (!current) return;
    try {
      if (!(await this.twoFactor.removeTotp(this.acting(current, context), codeOf(request))))
        return this.sendSecurity(response, current, 400, { error: 'account.security.wrongCode', removeError: true });
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.TwoFactorRequired)
        return this.sendSecurity(response, current, 409, { error: 'account.security.lastRequired' });
      throw error;
    }
    await this.sendSecurity(response, current, 200, { notice: 'totpRemoved' });
  }

  @Post('security/recovery-codes')
  @Public()
  async renewCodes(@Req() request: Request, @Res() response: Response, @Ctx() context: RequestContext) {
    const current = await this.posted(request, response, context);
    if (!current) return;
    const codes = await this.twoFactor.renewRecoveryCodes(this.acting(current, context));
    sendAccountPage(
      response,
      200,
      this.pages.recoveryCodes(current.locale, { codes, notice: 'codesRenewed', continueUrl: '/account/security' }),
    );
  }

  @Post('security/passkeys/options')
  @HttpCode(200)
  @Public()
  async passkeyOptions(@Req() request: Request, @Res() response: Response, @Ctx() context: RequestContext) {
    const current = await this.gate.require(request, response, context, ['full', 'enrolment']);
    if (!current) return;
    if (!sameToken(current.session.csrfToken, (request.body as { csrfToken?: unknown } | undefined)?.csrfToken))
      return response.status(403).json({ code: 'CSRF_TOKEN_INVALID' });
    response.json(await this.passkeys.registrationOptions(current.user, current.session.idHash));
  }

  @Post('security/passkeys')
  @Public()
  async addPasskey(@Req() request: Request, @Res() response: Response, @Ctx() context: RequestContext) {
    const current = await this.posted(request, response, context);
    if (!current) return;
    const form = (request.body ?? {}) as { name?: unknown; response?: unknown };
    const answer = registrationAnswer(form.response);
    const name = (typeof form.name === 'string' ? form.name.trim().slice(0, 64) : '') || 'Passkey';
    const added = answer ? await this.passkeys.register(this.acting(current, context), name, answer) : null;
    if (!added) return this.sendSecurity(response, current, 400, { error: 'account.security.passkeyInvalid' });
    if (current.session.enrolmentRequired)
      await this.transactions.run((manager) => this.sessions.clearEnrolment(manager, current.session.idHash));
    if (!added.recoveryCodes) return this.sendSecurity(response, current, 200, { notice: 'passkeyAdded' });
    const continueUrl = current.user.mustChangePassword ? '/account/password/change' : '/account/security';
    sendAccountPage(
      response,
      200,
      this.pages.recoveryCodes(current.locale, { codes: added.recoveryCodes, notice: 'passkeyAdded', continueUrl }),
    );
  }

  @Post('security/passkeys/:id/remove')
  @Public()
  async removePasskey(
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
    @Ctx() context: RequestContext,
  ) {
    const current = await this.posted(request, response, context);
    if (!current) return;
    if (!/^\d{1,9}$/.test(id)) return this.sendSecurity(response, current, 404, {});
    try {
      if (!(await this.passkeys.remove(this.acting(current, context), Number(id), codeOf(request))))
        return this.sendSecurity(response, current, 400, { error: 'account.security.wrongCode' });
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.TwoFactorRequired)
        return this.sendSecurity(response, current, 409, { error: 'account.security.lastRequired' });
      if (error instanceof DomainError && error.code === ErrorCode.NotFound)
        return this.sendSecurity(response, current, 404, {});
      throw error;
    }
    await this.sendSecurity(response, current, 200, { notice: 'passkeyRemoved' });
  }

  /** A client's owner requires a second factor of everyone there (or stops requiring it). */
  @Post('security/requirement')
  @Public()
  async setRequirement(@Req() request: Request, @Res() response: Response, @Ctx() context: RequestContext) {
    const current = await this.posted(request, response, context);
    if (!current) return;
    const form = (request.body ?? {}) as { clientId?: unknown; required?: unknown };
    const owned = current.memberships.find((m) => m.owner && String(m.clientId) === form.clientId);
    if (!owned) return this.sendSecurity(response, current, 403, { error: 'account.security.notOwner' });
    const required = form.required === '1';
    await this.clients.setTwoFactorRequirement(owned.clientId, required, context, {
      type: ActorType.User,
      id: current.user.id,
      name: userName(current.user),
    });
    await this.sendSecurity(response, current, 200, { notice: required ? 'requirementOn' : 'requirementOff' });
  }

  /** A signed-in post to the Security page with the session's CSRF token; else the page says the form expired. */
  private async posted(request: Request, response: Response, context: RequestContext): Promise<SignedInUser | null> {
    const current = await this.gate.require(request, response, context, ['full', 'enrolment']);
    if (!current) return null;
    if (sameToken(current.session.csrfToken, (request.body as { csrfToken?: unknown } | undefined)?.csrfToken))
      return current;
    await this.sendSecurity(response, current, 403, { error: 'account.security.formExpired' });
    return null;
  }

  private async sendSecurity(
    response: Response,
    current: SignedInUser,
    status: number,
    extra: { notice?: string; error?: string; removeError?: boolean },
  ): Promise<void> {
    const factors = await this.twoFactor.status(current.user.id);
    // Read again: the requirement may have changed with this very request.
    const owned = await this.clients.ownedBy(current.user.id);
    sendAccountPage(
      response,
      status,
      this.pages.security(current.locale, {
        csrfToken: current.session.csrfToken,
        factors,
        required: current.session.enrolmentRequired,
        owned,
        ...extra,
      }),
    );
  }

  private hasPasskey(current: SignedInUser): Promise<boolean> {
    return this.twoFactor.hasPasskey(current.user.id);
  }

  private acting(current: SignedInUser, context: RequestContext): CustomerActing {
    const client = current.memberships.find((m) => m.clientId === current.session.clientId)?.client ?? null;
    return { user: current.user, client, sessionIdHash: current.session.idHash, context };
  }
}

function codeOf(request: Request): string {
  const code = (request.body as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code.slice(0, 32) : '';
}
