import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ErrorCode, PasswordResetResponse, Permission } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { RequireStepUp } from '../../common/access/step-up';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiBody, ApiErrors, ApiPage } from '../../common/openapi/api-responses';
import { SendResetEmailDto } from './dto/send-reset-email.dto';
import { PasswordResetEmailService } from './password-reset-email.service';

/** The Manage user page's "Send password reset email" and the list of links sent. */
@ApiTags('users')
@Controller('api/users/:id')
export class PasswordResetsController {
  constructor(private readonly resets: PasswordResetEmailService) {}

  @Post('password-reset-email')
  @RequireStepUp()
  @HttpCode(202)
  @RequirePermission(Permission.UsersSendResetEmail)
  @ApiOperation({ summary: 'Mails the user a single-use link to choose a password; older links stop working' })
  @ApiBody('PasswordResetResponse', 202, 'The link was made and its mail queued')
  // The user's state, then the assurance gate (a verified caller, the limits, a named approval).
  @ApiErrors(
    ErrorCode.UserLocked,
    ErrorCode.EmailRecentlyChanged,
    ErrorCode.CallerNotVerified,
    ErrorCode.ApprovalRequired,
    ErrorCode.ApprovalNotUsable,
  )
  send(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SendResetEmailDto,
    @Ctx() context: RequestContext,
  ): Promise<PasswordResetResponse> {
    return this.resets.send(id, dto, context);
  }

  /** Newest first, whatever the sort: it is a history. */
  @Get('password-resets')
  @RequirePermission(Permission.ClientsView)
  @ApiOperation({ summary: 'The reset links sent to the user, newest first, and what became of each' })
  @ApiQuery({ name: 'range', required: false, description: '[first,last], e.g. [0,24]' })
  @ApiPage('PasswordResetResponse')
  async list(
    @Param('id', ParseIntPipe) id: number,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PasswordResetResponse[]> {
    const query = parseListQuery(raw, ['id'] as const, 'id');
    const { rows, total } = await this.resets.list(id, query.offset, query.limit);
    setContentRange(response, 'password-resets', query.offset, rows.length, total);
    return rows;
  }
}
