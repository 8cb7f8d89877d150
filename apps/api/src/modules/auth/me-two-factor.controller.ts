import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import type { Request, Response } from 'express';

import {
  ErrorCode,
  PasskeyCreationOptions,
  PasskeyRegistrationResponse,
  RecoveryCodesResponse,
  SecondFactorMethod,
  SessionStaff,
  TotpEnrolment,
  TwoFactorStatus,
} from '@keydesk/domain';

import { SecondFactorStep, SignedIn } from '../../common/access/access.decorator';
import { RequireStepUp } from '../../common/access/step-up';
import { DomainError } from '../../common/errors/domain-error';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiBody, ApiCreatedBody, ApiErrors, ApiNoContent } from '../../common/openapi/api-responses';
import { StaffEntity } from '../staff/staff.entity';
import { StaffRepository } from '../staff/staff.repository';
import { PasskeyService } from '../two-factor/passkey.service';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { AuthService } from './auth.service';
import { PasskeyRegistrationDto, TotpCodeDto } from './dto/second-factor.dto';
import { StaffSessionCookie } from './staff-session-cookie';
import { SignInMethod } from './staff-session.entity';

/**
 * "My account → Security": the signed-in staff member's own second factors. Enrolling is open to a
 * session that waits for its first factor (the policy requires one); confirming it then completes
 * that sign-in.
 */
@ApiTags('me')
@Controller('api/me')
export class MeTwoFactorController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly auth: AuthService,
    private readonly cookie: StaffSessionCookie,
    private readonly passkeys: PasskeyService,
    private readonly staff: StaffRepository,
  ) {}

  /** A first factor enrolled by a session that waited for one (the policy requires it): the sign-in completes. */
  private async completingEnrolment<T extends object>(
    request: Request,
    response: Response,
    context: RequestContext,
    method: SignInMethod,
    answer: T,
  ): Promise<T & { csrfToken?: string }> {
    const session = request.staffSession!;
    if (!session.secondFactorPending) return answer;
    const started = await this.auth.completeEnrolment(session, request.user as SessionStaff, context, method);
    this.cookie.set(response, started.cookieId);
    return { ...answer, csrfToken: started.session.csrfToken };
  }

  private async staffRecord(request: Request): Promise<StaffEntity> {
    const staff = await this.staff.findWithRoles((request.user as SessionStaff).id);
    if (!staff) throw new DomainError(ErrorCode.NotFound, { resource: 'staff' });
    return staff;
  }

  @Get('two-factor')
  @SecondFactorStep()
  @ApiOperation({ summary: "The staff member's second factors, recovery codes left and the policy" })
  @ApiBody('TwoFactorStatus')
  status(@Req() request: Request): Promise<TwoFactorStatus> {
    return this.twoFactor.status((request.user as SessionStaff).id);
  }

  @Post('two-factor/totp')
  @HttpCode(200)
  @SecondFactorStep()
  @ApiOperation({ summary: 'Starts enrolling an authenticator app: its secret, otpauth:// URL and QR code (SVG)' })
  @ApiBody('TotpEnrolment')
  // CONFLICT: an app is confirmed already; it is removed first.
  @ApiErrors(ErrorCode.Conflict)
  beginTotp(@Req() request: Request): Promise<TotpEnrolment> {
    return this.twoFactor.beginTotp((request.user as SessionStaff).id);
  }

  @Post('two-factor/totp/confirm')
  @HttpCode(200)
  @SecondFactorStep()
  @ApiOperation({ summary: 'Confirms the app with its first code; answers ten recovery codes, shown this once' })
  @ApiBody('RecoveryCodesResponse')
  @ApiErrors(ErrorCode.SecondFactorInvalid)
  async confirmTotp(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Body() dto: TotpCodeDto,
    @Ctx() context: RequestContext,
  ): Promise<RecoveryCodesResponse> {
    const answer = await this.twoFactor.confirmTotp((request.user as SessionStaff).id, dto.code, context);
    return this.completingEnrolment(request, response, context, SecondFactorMethod.Totp, answer);
  }

  @Post('passkeys/options')
  @HttpCode(200)
  @SecondFactorStep()
  @ApiOperation({ summary: 'Starts registering a passkey: the options for navigator.credentials.create()' })
  @ApiBody('PasskeyCreationOptions')
  async passkeyOptions(@Req() request: Request): Promise<PasskeyCreationOptions> {
    const staff = await this.staffRecord(request);
    return this.passkeys.registrationOptions(staff, request.staffSession!.idHash);
  }

  @Post('passkeys')
  @HttpCode(201)
  @SecondFactorStep()
  @ApiOperation({ summary: 'Registers the passkey; the first factor also answers ten recovery codes, shown this once' })
  @ApiCreatedBody('PasskeyRegistrationResponse')
  // SECOND_FACTOR_INVALID: the credential answers no challenge this sign-in was given, or is another site's.
  @ApiErrors(ErrorCode.SecondFactorInvalid)
  async registerPasskey(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Body() dto: PasskeyRegistrationDto,
    @Ctx() context: RequestContext,
  ): Promise<PasskeyRegistrationResponse> {
    const staff = request.user as SessionStaff;
    const session = request.staffSession!;
    const registration = dto.response as unknown as RegistrationResponseJSON;
    const { recoveryCodes } = await this.twoFactor.registerPasskey(
      staff.id,
      session.idHash,
      dto.name,
      registration,
      context,
    );
    const answer = recoveryCodes ? { recoveryCodes } : {};
    return this.completingEnrolment(request, response, context, SecondFactorMethod.Passkey, answer);
  }

  @Delete('passkeys/:id')
  @HttpCode(204)
  @SignedIn()
  @RequireStepUp()
  @ApiOperation({ summary: 'Removes one of their passkeys; the last factor goes with its recovery codes' })
  @ApiNoContent()
  // TWO_FACTOR_REQUIRED: the policy requires a factor and this is the last.
  @ApiErrors(ErrorCode.TwoFactorRequired)
  removePasskey(
    @Req() request: Request,
    @Param('id', ParseIntPipe) id: number,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    return this.twoFactor.removePasskey((request.user as SessionStaff).id, id, context);
  }

  @Delete('two-factor/totp')
  @RequireStepUp()
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({ summary: 'Removes the authenticator app and the recovery codes' })
  @ApiNoContent()
  // TWO_FACTOR_REQUIRED: the policy requires a factor; NOT_FOUND: no app is confirmed.
  @ApiErrors(ErrorCode.TwoFactorRequired, ErrorCode.NotFound)
  removeTotp(@Req() request: Request, @Ctx() context: RequestContext): Promise<void> {
    return this.twoFactor.removeTotp((request.user as SessionStaff).id, context);
  }

  @Post('recovery-codes')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: 'New recovery codes, shown this once; the old ones stop working' })
  @ApiBody('RecoveryCodesResponse')
  // CONFLICT: no factor for the codes to stand in for.
  @ApiErrors(ErrorCode.Conflict)
  renewRecoveryCodes(@Req() request: Request, @Ctx() context: RequestContext): Promise<RecoveryCodesResponse> {
    return this.twoFactor.renewRecoveryCodes((request.user as SessionStaff).id, context);
  }
}
