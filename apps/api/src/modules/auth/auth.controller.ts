import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { SessionResponse, SessionSettings, SessionStaff } from '@keydesk/domain';

import { Public, SignedIn } from '../../common/access/access.decorator';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { AppConfig } from '../../config/app.config';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { StaffAuthenticator } from './staff-authenticator';
import { StaffSessionCookie } from './staff-session-cookie';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly authenticator: StaffAuthenticator,
    private readonly cookie: StaffSessionCookie,
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
  ): Promise<SessionResponse> {
    const signedIn = await this.authenticator.authenticate(request, response);
    this.cookie.set(response, signedIn.cookieId);
    return { staff: signedIn.staff, csrfToken: signedIn.csrfToken, settings: sessionSettings(this.config) };
  }

  @Get('session')
  @SignedIn()
  session(@Req() request: Request): SessionResponse {
    return {
      staff: request.user as SessionStaff,
      csrfToken: request.staffSession!.csrfToken,
      settings: sessionSettings(this.config),
    };
  }

  /** Destroys the stored session, not just the cookie. */
  @Post('logout')
  @HttpCode(204)
  @SignedIn()
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
