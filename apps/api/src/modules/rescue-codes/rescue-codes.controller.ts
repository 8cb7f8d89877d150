import { Controller, Get, Param, ParseIntPipe, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { Permission, RescueCodeResponse } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { ApiPage } from '../../common/openapi/api-responses';
import { RescueCodeHistoryService } from './rescue-code-history.service';

/** The Manage user page's list of the user's rescue codes (never a code). */
@ApiTags('users')
@Controller('api/users/:id')
export class RescueCodesController {
  constructor(private readonly history: RescueCodeHistoryService) {}

  /** Newest first, whatever the sort: it is a history. */
  @Get('rescue-codes')
  @RequirePermission(Permission.ClientsView)
  @ApiOperation({ summary: "The user's rescue codes, newest first: when, to how many addresses, what became of each" })
  @ApiQuery({ name: 'range', required: false, description: '[first,last], e.g. [0,24]' })
  @ApiPage('RescueCodeResponse')
  async list(
    @Param('id', ParseIntPipe) id: number,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RescueCodeResponse[]> {
    const query = parseListQuery(raw, ['id'] as const, 'id');
    const { rows, total } = await this.history.ofUser(id, query.offset, query.limit);
    setContentRange(response, 'rescue-codes', query.offset, rows.length, total);
    return rows;
  }
}
