import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ApiTokenResponse, CreatedApiToken, Permission } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { RequireStepUp } from '../../common/access/step-up';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiListQuery } from '../../common/openapi/api-list-query';
import { ApiCreatedBody, ApiNoContent, ApiPage } from '../../common/openapi/api-responses';
import { ApiTokensService } from './api-tokens.service';
import { CreateApiTokenDto } from './dto/create-api-token.dto';

/** Administrators' tokens for integrations. */
@ApiTags('api tokens')
@Controller('api/api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @RequireStepUp()
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({
    summary: 'Makes a token (shown this once) holding some permissions, for at most a year',
    description:
      'Sent as `Authorization: Bearer kd_…`, with no CSRF token. Never users.set_password, staff.manage or approvals.decide; actions that need a step-up, a verified caller or an approval answer 403 TOKEN_NOT_ALLOWED.',
  })
  @ApiCreatedBody('CreatedApiToken')
  create(@Body() dto: CreateApiTokenDto, @Ctx() context: RequestContext): Promise<CreatedApiToken> {
    return this.tokens.create(dto, context);
  }

  @Get()
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({ summary: 'Every token, newest first, with its last use (never the token)' })
  @ApiListQuery({ sort: '["id","ASC"|"DESC"]: accepted, but the list is always newest first' })
  @ApiPage('ApiTokenResponse')
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) response: Response): Promise<ApiTokenResponse[]> {
    const query = parseListQuery(raw, ['id'] as const, 'id');
    const { rows, total } = await this.tokens.list(query.offset, query.limit);
    setContentRange(response, 'api-tokens', query.offset, rows.length, total);
    return rows;
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({ summary: 'Revokes a token at once, for every api process' })
  @ApiNoContent()
  revoke(@Param('id', ParseIntPipe) id: number, @Ctx() context: RequestContext): Promise<void> {
    return this.tokens.revoke(id, context);
  }
}
