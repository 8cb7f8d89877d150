import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ActivityEntryResponse, ClientResponse, ClientSummaryResponse, ErrorCode, Permission } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiListQuery } from '../../common/openapi/api-list-query';
import { ApiBody, ApiCreatedBody, ApiErrors, ApiPage } from '../../common/openapi/api-responses';
import { CLIENT_SORT_FIELDS } from './client.repository';
import { ClientsService } from './clients.service';
import { CreateClientDto, UpdateClientDto } from './dto/save-client.dto';
import { TwoFactorRequirementDto } from './dto/two-factor-requirement.dto';

@ApiTags('clients')
@Controller('api/clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  @RequirePermission(Permission.ClientsView)
  @ApiOperation({ summary: 'Finds clients by company, contact name, any email, client key or phone' })
  @ApiListQuery({ filter: '{"q":"text"}, {"status":"active"}, {"id":[1,2]}', sort: CLIENT_SORT_FIELDS })
  @ApiPage('ClientResponse', 'One page of the list', {
    headers: {
      'X-Search-Capped': {
        description: 'A search keeps its first 1,000 matches: `true` when there were more',
        schema: { type: 'string', enum: ['true'] },
      },
    },
  })
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) response: Response): Promise<ClientResponse[]> {
    const query = parseListQuery(raw, CLIENT_SORT_FIELDS, 'companyName');
    const { rows, total, capped } = await this.clients.list(query);
    setContentRange(response, 'clients', query.offset, rows.length, total);
    // More matches than a search keeps: the UI asks the agent to type more.
    if (capped) response.setHeader('X-Search-Capped', 'true');
    return rows;
  }

  @Get(':id')
  @RequirePermission(Permission.ClientsView)
  @ApiOperation({ summary: 'One client' })
  @ApiBody('ClientResponse')
  get(@Param('id', ParseIntPipe) id: number): Promise<ClientResponse> {
    return this.clients.get(id);
  }

  @Get(':id/summary')
  @RequirePermission(Permission.ClientsView)
  @ApiOperation({
    summary: "The profile's Summary tab in one request",
    description: 'The client, its owner, registered addresses, open tickets, sticky notes and latest activity.',
  })
  @ApiBody('ClientSummaryResponse')
  summary(@Param('id', ParseIntPipe) id: number, @Ctx() context: RequestContext): Promise<ClientSummaryResponse> {
    return this.clients.summary(id, context);
  }

  @Get(':id/activity')
  @RequirePermission(Permission.ClientsView)
  @ApiOperation({ summary: "The client's Log tab: its audit entries, newest first" })
  @ApiListQuery({ sort: '["seq","DESC"]: the log is newest first whatever the sort' })
  @ApiPage('ActivityEntryResponse')
  async activity(
    @Param('id', ParseIntPipe) id: number,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActivityEntryResponse[]> {
    const query = parseListQuery(raw, ['seq'] as const, 'seq');
    const { rows, total } = await this.clients.activity(id, query.offset, query.limit);
    setContentRange(response, 'activity', query.offset, rows.length, total);
    return rows;
  }

  @Post()
  @RequirePermission(Permission.ClientsEdit)
  @ApiOperation({ summary: 'Creates a client', description: 'The client key must be valid for the country and free.' })
  @ApiCreatedBody('ClientResponse')
  // CONFLICT: a client created with the same key at the same moment (the unique index decides).
  @ApiErrors(ErrorCode.ClientKeyInvalid, ErrorCode.ClientKeyTaken, ErrorCode.Conflict)
  create(@Body() dto: CreateClientDto, @Ctx() context: RequestContext): Promise<ClientResponse> {
    return this.clients.create(dto, context);
  }

  @Put(':id/two-factor')
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({
    summary: 'Requires a second factor of every user of the client (or stops requiring it)',
    description: 'Users without one enrol right after their next sign-in. The change is an activity-log entry.',
  })
  @ApiBody('ClientResponse')
  requireTwoFactor(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: TwoFactorRequirementDto,
    @Ctx() context: RequestContext,
  ): Promise<ClientResponse> {
    return this.clients.setTwoFactorRequirement(id, dto.required, context);
  }

  @Put(':id')
  @RequirePermission(Permission.ClientsEdit)
  @ApiOperation({ summary: 'Changes the fields sent of a client; every change is an activity-log entry' })
  @ApiBody('ClientResponse')
  @ApiErrors(ErrorCode.ClientKeyInvalid, ErrorCode.ClientKeyTaken, ErrorCode.Conflict)
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateClientDto,
    @Ctx() context: RequestContext,
  ): Promise<ClientResponse> {
    return this.clients.update(id, dto, context);
  }
}
