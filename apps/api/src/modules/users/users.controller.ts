import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { ErrorCode, Permission, UserResponse, UserSignInResponse } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { assertSteppedUp, RequireStepUp } from '../../common/access/step-up';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiListQuery } from '../../common/openapi/api-list-query';
import { ApiBody, ApiErrors, ApiPage } from '../../common/openapi/api-responses';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { LiftEmailHoldDto } from './dto/lift-email-hold.dto';
import { UnlockUserDto } from './dto/unlock-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { USER_SORT_FIELDS } from './user.repository';
import { UsersService } from './users.service';

/** The Manage user page: one login identity, whichever clients it belongs to. */
@ApiTags('users')
@Controller('api/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @Get()
  @RequirePermission(Permission.ClientsView)
  @ApiOperation({
    summary: 'Finds users by the start of their email',
    description: 'For the "associate existing user" lookup. Each user comes with `clients`, their memberships.',
  })
  @ApiListQuery({ filter: '{"q":"ana@"}: emails starting with q; {"id":[1,2]}: those users', sort: USER_SORT_FIELDS })
  @ApiPage('UserResponse')
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) response: Response): Promise<UserResponse[]> {
    const query = parseListQuery(raw, USER_SORT_FIELDS, 'email');
    const { rows, total } = await this.users.list(query);
    setContentRange(response, 'users', query.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission(Permission.ClientsView)
  @ApiOperation({ summary: 'One user, with their clients and second factors' })
  @ApiBody('UserResponse')
  get(@Param('id', ParseIntPipe) id: number): Promise<UserResponse> {
    return this.users.get(id);
  }

  /** A new email is where access goes next: that change alone needs a recent step-up. */
  @Put(':id')
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({
    summary: "Changes a user's name, email or status",
    description:
      'A new email takes a recent step-up (401 STEP_UP_REQUIRED; never an API token) and, where the policy says so, a caller you verified (403 CALLER_NOT_VERIFIED) or an approval (approvalId).',
  })
  @ApiBody('UserResponse')
  // CONFLICT: the address taken by another user at the same moment (the unique index decides).
  @ApiErrors(
    ErrorCode.UserEmailTaken,
    ErrorCode.Conflict,
    ErrorCode.StepUpRequired,
    ErrorCode.TokenNotAllowed,
    ErrorCode.CallerNotVerified,
    ErrorCode.ApprovalNotUsable,
  )
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateUserDto,
    @Ctx() context: RequestContext,
    @Req() request: Request,
  ): Promise<UserResponse> {
    if (dto.email !== undefined) assertSteppedUp(request, this.config, this.clock.nowMs());
    return this.users.update(id, dto, context);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({
    summary: 'Lifts the lock of a user whose customer said a change was not theirs',
    description: 'The reason is kept in the activity log. 409 USER_NOT_LOCKED when the user is not locked.',
  })
  @ApiBody('UserResponse')
  @ApiErrors(ErrorCode.UserNotLocked)
  unlock(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UnlockUserDto,
    @Ctx() context: RequestContext,
  ): Promise<UserResponse> {
    return this.users.unlock(id, dto.reason, context);
  }

  @Post(':id/email-hold/lift')
  @HttpCode(200)
  @RequireStepUp()
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({
    summary: 'Ends the wait before a reset link or temporary password may go to an address staff just set',
    description:
      'By default it needs a caller you verified (403 CALLER_NOT_VERIFIED) or an approval (approvalId). 409 EMAIL_HOLD_NOT_ACTIVE when nothing waits.',
  })
  @ApiBody('UserResponse')
  @ApiErrors(ErrorCode.EmailHoldNotActive, ErrorCode.CallerNotVerified, ErrorCode.ApprovalNotUsable)
  liftEmailHold(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: LiftEmailHoldDto,
    @Ctx() context: RequestContext,
  ): Promise<UserResponse> {
    return this.users.liftEmailHold(id, dto, context);
  }

  @Get(':id/sign-ins')
  @RequirePermission(Permission.ClientsView)
  @ApiOperation({ summary: "The user's client-area sign-ins, newest first whatever the sort" })
  @ApiListQuery({ sort: '["id"|"occurredAt","ASC"|"DESC"]: accepted, but a history is always newest first' })
  @ApiPage('UserSignInResponse')
  async signIns(
    @Param('id', ParseIntPipe) id: number,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<UserSignInResponse[]> {
    const query = parseListQuery(raw, ['id', 'occurredAt'] as const, 'id');
    const { rows, total } = await this.users.signIns(id, query.offset, query.limit);
    setContentRange(response, 'sign-ins', query.offset, rows.length, total);
    return rows;
  }
}
