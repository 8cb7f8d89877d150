import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { SessionResponse, SessionSettings, SessionStaff } from '@keydesk/domain';

import { Public, SignedIn } from '../../common/access/access.decorator';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { AppConfig } from '../../config/app.config';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { LocalSignInGuard } from './local-sign-in.guard';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  /** Answers the staff member and the CSRF token every later state-changing request must carry. */
  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiBody({ type: LoginDto })
  @UseGuards(LocalSignInGuard)
  login(@Req() request: Request, @Body() _body: unknown): SessionResponse {
    return {
      staff: request.user as SessionStaff,
      csrfToken: request.session.csrfToken!,
      settings: sessionSettings(this.config),
    };
  }

  @Get('session')
  @SignedIn()
  session(@Req() request: Request): SessionResponse {
    request.session.csrfToken ??= this.auth.newCsrfToken();
    return {
      staff: request.user as SessionStaff,
      csrfToken: request.session.csrfToken,
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
    await this.auth.signOut(context);
    await new Promise<void>((resolve, reject) =>
      request.session.destroy((error) => (error ? reject(error) : resolve())),
    );
    response.clearCookie(sessionCookieName(this.config), { path: '/' });
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

export function sessionCookieName(config: AppConfig): string {
  return config.server.publicUrl.protocol === 'https:' ? '__Host-keydesk.sid' : 'keydesk.sid';
}
