import { Controller, Get, Param, ParseIntPipe, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ActivityListEntry, Permission } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { ApiPage } from '../../common/openapi/api-responses';
import { ActivityQueryService } from './activity-query.service';

/** One timeline per customer user on the Manage user page: staff actions on them, their own sign-ins, rescue codes, mails. */
@ApiTags('users')
@Controller('api/users/:id')
export class UserActivityController {
  constructor(private readonly queries: ActivityQueryService) {}

  @Get('activity')
  @RequirePermission(Permission.ClientsView)
  @ApiOperation({ summary: 'Everything about the user or done by them, newest first' })
  @ApiQuery({ name: 'range', required: false, description: '[first,last], e.g. [0,24]' })
  @ApiPage('ActivityListEntry')
  async list(
    @Param('id', ParseIntPipe) id: number,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActivityListEntry[]> {
    const query = parseListQuery(raw, ['seq'] as const, 'seq');
    const { rows, total } = await this.queries.timeline({ userId: id }, query.offset, query.limit);
    setContentRange(response, 'activity', query.offset, rows.length, total);
    return rows;
  }
}
