import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { Request, Response } from 'express';

import { ErrorCode, SecondFactorChallenge, SessionResponse, SessionSettings, SessionStaff } from '@keydesk/domain';

import { Public, SecondFactorStep, SignedIn } from '../../common/access/access.decorator';
import { RequireStepUp } from '../../common/access/step-up';
import { DomainError } from '../../common/errors/domain-error';
import { Ctx, RequestContext } from '../../common/http/request-context';
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

  /**
   * Checks the name and password (the body is validated by the pipe first), starts a session under
   * a new id, and answers the staff member and the CSRF token every later state-changing request
   * must carry.
   */
  @Post('login')
  @HttpCode(200)
  @Public()
  async login(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Body() _body: LoginDto,
  ): Promise<SessionResponse | SecondFactorChallenge> {
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

  /** The second step of a sign-in: a passkey's assertion, a code of the authenticator app or a recovery code. */
  @Post('login/second-factor')
  @HttpCode(200)
  @SecondFactorStep()
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

  /** Proves a factor again (or the password, where none is required and there is none) for the sensitive actions. */
  @Post('step-up')
  @HttpCode(204)
  @SignedIn()
  async stepUp(@Req() request: Request, @Body() dto: StepUpDto, @Ctx() context: RequestContext): Promise<void> {
    const session = request.staffSession!;
    await this.auth.stepUp(session, request.user as SessionStaff, proofOf(dto, session.idHash), context);
  }

  /**
   * 204 when a factor was proved within STEP_UP_MINUTES, else 401 STEP_UP_REQUIRED: for what the
   * browser fetches by itself (the log's export, a plain download), so the UI can step up first.
   */
  @Get('step-up')
  @HttpCode(204)
  @SignedIn()
  @RequireStepUp()
  steppedUp(): void {}

  /** The options of a passkey ceremony for the second step of a sign-in. */
  @Post('login/passkey-options')
  @HttpCode(200)
  @SecondFactorStep()
  loginPasskeyOptions(@Req() request: Request): Promise<PublicKeyCredentialRequestOptionsJSON> {
    return this.passkeys.authenticationOptions((request.user as SessionStaff).id, request.staffSession!.idHash);
  }

  /** The options of a passkey ceremony for a step-up. */
  @Post('step-up/passkey-options')
  @HttpCode(200)
  @SignedIn()
  stepUpPasskeyOptions(@Req() request: Request): Promise<PublicKeyCredentialRequestOptionsJSON> {
    return this.passkeys.authenticationOptions((request.user as SessionStaff).id, request.staffSession!.idHash);
  }

  /** The signed-in staff member, or what a half-signed session still has to do. */
  @Get('session')
  @SecondFactorStep()
  async session(@Req() request: Request): Promise<SessionResponse | SecondFactorChallenge> {
    const session = request.staffSession!;
    if (session.secondFactorPending) return this.auth.challenge(session);
    return {
      staff: request.user as SessionStaff,
      csrfToken: session.csrfToken,
      settings: sessionSettings(this.config),
    };
  }

  /** Destroys the stored session, not just the cookie. */
  @Post('logout')
  @HttpCode(204)
  @SecondFactorStep()
  async logout(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Ctx() context: RequestContext,
  ) {
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
