import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import {
  ErrorCode,
  PasskeyRequestOptions,
  SessionResponse,
  SessionSettings,
  SessionStaff,
  SignInState,
} from '@keydesk/domain';

import { Public, SecondFactorStep, SignedIn } from '../../common/access/access.decorator';
import { RequireStepUp } from '../../common/access/step-up';
import { DomainError } from '../../common/errors/domain-error';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiBody, ApiErrors, ApiNoContent } from '../../common/openapi/api-responses';
import { AppConfig } from '../../config/app.config';
import { PasskeyService } from '../two-factor/passkey.service';
import { SecondFactorProof } from '../two-factor/two-factor.service';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { proofOf, SecondFactorDto, StepUpDto } from './dto/second-factor.dto';
import { StaffAuthenticator } from './staff-authenticator';
import { StaffSessionCookie } from './staff-session-cookie';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly authenticator: StaffAuthenticator,
    private readonly cookie: StaffSessionCookie,
    private readonly passkeys: PasskeyService,
    private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Signs in with a name (or email) and password',
    description:
      'Starts a session under a new id and answers the staff member and the CSRF token every later state-changing request must carry; or, where a second factor is due, what the second step takes.',
  })
  @ApiBody('SignInState')
  @ApiErrors(
    ErrorCode.InvalidCredentials,
    ErrorCode.TooManyAttempts,
    ErrorCode.AccountLocked,
    ErrorCode.PasswordTooLong,
    ErrorCode.ServiceBusy,
  )
  async login(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Body() _body: LoginDto,
  ): Promise<SignInState> {
    const signedIn = await this.authenticator.authenticate(request, response);
    this.cookie.set(response, signedIn.cookieId);
    return (
      signedIn.challenge ?? {
        staff: signedIn.staff,
        csrfToken: signedIn.csrfToken,
        settings: sessionSettings(this.config),
      }
    );
  }

  @Post('login/second-factor')
  @HttpCode(200)
  @SecondFactorStep()
  @ApiOperation({
    summary: "The second step of a sign-in: a passkey's assertion, an authenticator app's code or a recovery code",
    description: 'A wrong one counts like a wrong password; the fifth ends the half-signed session.',
  })
  @ApiBody('SessionResponse')
  // CONFLICT: the session waits for no second factor.
  @ApiErrors(ErrorCode.SecondFactorInvalid, ErrorCode.TooManyAttempts, ErrorCode.AccountLocked, ErrorCode.Conflict)
  async secondFactor(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Body() dto: SecondFactorDto,
    @Ctx() context: RequestContext,
  ): Promise<SessionResponse> {
    const session = request.staffSession!;
    if (!session.secondFactorPending) throw new DomainError(ErrorCode.Conflict);
    const proof = proofOf(dto, session.idHash) as SecondFactorProof;
    const signedIn = await this.auth.proveSecondFactor(session, request.user as SessionStaff, proof, context);
    this.cookie.set(response, signedIn.cookieId);
    return { staff: signedIn.staff, csrfToken: signedIn.csrfToken, settings: sessionSettings(this.config) };
  }

  @Post('step-up')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({
    summary: 'Proves a factor again (or the password, where none is required and there is none) for sensitive actions',
    description:
      'Sensitive actions then need no other proof for STEP_UP_MINUTES. A wrong one counts like a wrong password.',
  })
  @ApiNoContent()
  @ApiErrors(
    ErrorCode.SecondFactorInvalid,
    ErrorCode.InvalidCredentials,
    ErrorCode.TooManyAttempts,
    ErrorCode.AccountLocked,
    ErrorCode.PasswordTooLong,
    ErrorCode.ServiceBusy,
  )
  async stepUp(@Req() request: Request, @Body() dto: StepUpDto, @Ctx() context: RequestContext): Promise<void> {
    const session = request.staffSession!;
    await this.auth.stepUp(session, request.user as SessionStaff, proofOf(dto, session.idHash), context);
  }

  @Get('step-up')
  @HttpCode(204)
  @SignedIn()
  @RequireStepUp()
  @ApiOperation({
    summary: 'Whether a factor was proved within STEP_UP_MINUTES (else 401 STEP_UP_REQUIRED)',
    description:
      'For what the browser fetches by itself (the log’s export, a plain download), so the UI can step up first.',
  })
  @ApiNoContent('Proved recently enough')
  steppedUp(): void {}

  @Post('login/passkey-options')
  @HttpCode(200)
  @SecondFactorStep()
  @ApiOperation({ summary: 'The options of a passkey ceremony for the second step of a sign-in' })
  @ApiBody('PasskeyRequestOptions')
  // NOT_FOUND: the staff member has no passkey.
  @ApiErrors(ErrorCode.NotFound)
  loginPasskeyOptions(@Req() request: Request): Promise<PasskeyRequestOptions> {
    return this.passkeys.authenticationOptions((request.user as SessionStaff).id, request.staffSession!.idHash);
  }

  @Post('step-up/passkey-options')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: 'The options of a passkey ceremony for a step-up' })
  @ApiBody('PasskeyRequestOptions')
  // NOT_FOUND: the staff member has no passkey.
  @ApiErrors(ErrorCode.NotFound)
  stepUpPasskeyOptions(@Req() request: Request): Promise<PasskeyRequestOptions> {
    return this.passkeys.authenticationOptions((request.user as SessionStaff).id, request.staffSession!.idHash);
  }

  @Get('session')
  @SecondFactorStep()
  @ApiOperation({ summary: 'The signed-in staff member, or what a half-signed session still has to do' })
  @ApiBody('SignInState')
  async session(@Req() request: Request): Promise<SignInState> {
    const session = request.staffSession!;
    if (session.secondFactorPending) return this.auth.challenge(session);
    return {
      staff: request.user as SessionStaff,
      csrfToken: session.csrfToken,
      settings: sessionSettings(this.config),
    };
  }

  @Post('logout')
  @HttpCode(204)
  @SecondFactorStep()
  @ApiOperation({ summary: 'Signs out: the stored session ends, not just the cookie' })
  @ApiNoContent()
  async logout(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    await this.auth.signOut(context, request.staffSession!.idHash);
    this.cookie.clear(response);
  }
}

/** What the admin UI tells agents about lifetimes and the policy, as configured rather than the defaults. */
export function sessionSettings(config: AppConfig): SessionSettings {
  return {
    resetLinkMinutes: config.auth.resetLinkSeconds / 60,
    temporaryPasswordHours: config.auth.temporaryPasswordSeconds / 3600,
    passwordMinLength: config.auth.passwordMinLength,
  };
}
