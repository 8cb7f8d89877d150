import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import {
  ActiveVerification,
  CallerVerificationState,
  ConfirmedVerification,
  ErrorCode,
  Permission,
  StartedVerification,
} from '@keydesk/domain';

import { RequirePermission, SignedIn } from '../../common/access/access.decorator';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiArray, ApiBody, ApiCreatedBody, ApiErrors } from '../../common/openapi/api-responses';
import { CallerVerificationService } from './caller-verification.service';
import { AppCodeVerificationDto, ConfirmVerificationDto } from './dto/confirm-verification.dto';
import { StartVerificationDto } from './dto/start-verification.dto';

/** "Verify caller" on the Manage user page and a ticket's user. */
// An agent verifies a caller on the phone: a token is no one to read a code back to.
@ApiTags('caller verification')
@Controller('api')
export class CallerVerificationController {
  constructor(private readonly verifications: CallerVerificationService) {}

  @Get('users/:id/verification')
  @RequirePermission(Permission.UsersManage, { personOnly: true })
  @ApiOperation({
    summary: "The signed-in agent's verification of this user's caller, and the addresses a code may go to",
  })
  @ApiBody('CallerVerificationState')
  state(@Param('id', ParseIntPipe) id: number, @Ctx() context: RequestContext): Promise<CallerVerificationState> {
    return this.verifications.state(id, context);
  }

  @Post('users/:id/verifications')
  @RequirePermission(Permission.UsersManage, { personOnly: true })
  @ApiOperation({
    summary: 'Mails a six-digit code to one of the addresses on file',
    description:
      "Valid 10 minutes, one use, five tries; a newer code replaces the agent's earlier one. One code per agent and user a minute (429).",
  })
  @ApiCreatedBody('StartedVerification', 'The code was queued for the address')
  @ApiErrors(ErrorCode.VerificationAddressUnknown, ErrorCode.TooManyRequests)
  start(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: StartVerificationDto,
    @Ctx() context: RequestContext,
  ): Promise<StartedVerification> {
    return this.verifications.start(id, dto, context);
  }

  @Post('users/:id/verifications/:vid/confirm')
  @HttpCode(200)
  @RequirePermission(Permission.UsersManage, { personOnly: true })
  @ApiOperation({
    summary: 'The code the caller read back: the caller counts as verified for CALLER_VERIFICATION_MINUTES',
    description:
      '400 VERIFICATION_CODE_INVALID (triesLeft) for a wrong code; 409 VERIFICATION_NOT_ACTIVE once it no longer works.',
  })
  @ApiBody('ConfirmedVerification')
  @ApiErrors(ErrorCode.VerificationCodeInvalid, ErrorCode.VerificationNotActive)
  confirm(
    @Param('id', ParseIntPipe) id: number,
    @Param('vid', ParseIntPipe) vid: number,
    @Body() dto: ConfirmVerificationDto,
    @Ctx() context: RequestContext,
  ): Promise<ConfirmedVerification> {
    return this.verifications.confirm(id, vid, dto.code, context);
  }

  @Post('users/:id/verifications/app')
  @HttpCode(200)
  @RequirePermission(Permission.UsersManage, { personOnly: true })
  @ApiOperation({
    summary: "Verifies the caller with the current code of the customer's authenticator app",
    description:
      'For a user with an app (GET …/verification: appAvailable). The code works once; five wrong codes in ten minutes answer 429. 400 VERIFICATION_CODE_INVALID when wrong.',
  })
  @ApiBody('ConfirmedVerification')
  @ApiErrors(ErrorCode.VerificationCodeInvalid, ErrorCode.TooManyRequests)
  confirmAppCode(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: AppCodeVerificationDto,
    @Ctx() context: RequestContext,
  ): Promise<ConfirmedVerification> {
    return this.verifications.confirmAppCode(id, dto, context);
  }

  @Get('me/caller-verifications')
  @SignedIn()
  @ApiOperation({ summary: "The signed-in agent's verifications that still count (one per user)" })
  @ApiArray('ActiveVerification')
  mine(@Ctx() context: RequestContext): Promise<ActiveVerification[]> {
    return this.verifications.activeOfAgent(context);
  }
}
