import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import {
  ALL_ASSURED_ACTIONS,
  ApprovalDetailResponse,
  ApprovalResponse,
  ApprovalState,
  ErrorCode,
  Permission,
} from '@keydesk/domain';

import { RequirePermission, SignedIn } from '../../common/access/access.decorator';
import { RequireStepUp } from '../../common/access/step-up';
import {
  filterIds,
  filterOneOf,
  filterOneOrMany,
  filterPositiveInt,
  parseListQuery,
  RawListQuery,
  setContentRange,
} from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiBody, ApiCreatedBody, ApiErrors, ApiPage } from '../../common/openapi/api-responses';
import { APPROVAL_SORT_FIELDS, ApprovalFilter } from './approval.repository';
import { ApprovalsService } from './approvals.service';
import { DecideApprovalDto } from './dto/decide-approval.dto';
import { RequestApprovalDto } from './dto/request-approval.dto';

/** The Approvals screen, and the agents' requests for an exception. */
@ApiTags('approvals')
@Controller('api/approvals')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Post()
  @SignedIn()
  @ApiOperation({
    summary: 'Asks a second person to allow one action on one user (or staff member), once',
    description:
      'The action is named as in the policy; `userId` for user.* actions, `staffId` for staff.*. The requester needs the permission the action takes (users.manage, staff.manage).',
  })
  @ApiCreatedBody('ApprovalResponse')
  // FORBIDDEN without the action's permission; NOT_FOUND for an unknown user or staff member.
  @ApiErrors(ErrorCode.Forbidden, ErrorCode.NotFound)
  request(@Body() dto: RequestApprovalDto, @Ctx() context: RequestContext): Promise<ApprovalResponse> {
    return this.approvals.request(dto, context);
  }

  @Get()
  @SignedIn()
  @ApiOperation({
    summary: 'Requests for approval, newest first by default',
    description: 'Staff without approvals.decide see only their own requests.',
  })
  @ApiQuery({
    name: 'filter',
    required: false,
    description: `{"state":"pending"} (or a list), {"userId":N}, {"staffId":N}, {"action":"${ALL_ASSURED_ACTIONS[0]}"}, {"mine":true}, {"id":[1,2]}`,
  })
  @ApiQuery({
    name: 'sort',
    required: false,
    description: `["field","ASC"|"DESC"], field one of ${APPROVAL_SORT_FIELDS.join(', ')}`,
  })
  @ApiQuery({ name: 'range', required: false, description: '[first,last], e.g. [0,24]' })
  @ApiPage('ApprovalResponse')
  async list(
    @Query() raw: RawListQuery,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ApprovalResponse[]> {
    const query = parseListQuery(raw, APPROVAL_SORT_FIELDS, 'id');
    if (raw.sort === undefined) query.sortOrder = 'DESC';
    const filter: ApprovalFilter = {
      states: filterOneOrMany(query.filter, 'state', Object.values(ApprovalState)),
      userId: filterPositiveInt(query.filter, 'userId'),
      staffId: filterPositiveInt(query.filter, 'staffId'),
      action: filterOneOf(query.filter, 'action', ALL_ASSURED_ACTIONS),
      requestedBy: query.filter.mine === true ? context.staff?.id : undefined,
      ids: filterIds(query.filter),
    };
    const { rows, total } = await this.approvals.list(query, filter, context);
    setContentRange(response, 'approvals', query.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  @SignedIn()
  @ApiOperation({ summary: 'One request, with what the decider should know (flags)' })
  @ApiBody('ApprovalDetailResponse')
  get(@Param('id', ParseIntPipe) id: number, @Ctx() context: RequestContext): Promise<ApprovalDetailResponse> {
    return this.approvals.get(id, context);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @RequireStepUp()
  @RequirePermission(Permission.ApprovalsDecide)
  @ApiOperation({
    summary: 'Approves or denies a pending request (never your own)',
    description: 'Approved, it may be used once by the requester within APPROVAL_MINUTES.',
  })
  @ApiBody('ApprovalResponse')
  @ApiErrors(ErrorCode.ApprovalOwnRequest, ErrorCode.ApprovalAlreadyDecided)
  decide(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: DecideApprovalDto,
    @Ctx() context: RequestContext,
  ): Promise<ApprovalResponse> {
    return this.approvals.decide(id, dto, context);
  }
}
