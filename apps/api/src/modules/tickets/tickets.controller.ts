import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ErrorCode, Permission, TicketResponse } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiListQuery } from '../../common/openapi/api-list-query';
import { ApiBody, ApiCreatedBody, ApiErrors, ApiPage } from '../../common/openapi/api-responses';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { UpdateTicketDto } from './dto/update-ticket.dto';
import { TICKET_SORT_FIELDS } from './ticket.repository';
import { TicketsService } from './tickets.service';

/** Most recent activity first unless the caller sorts otherwise. */
const DEFAULT_SORT = JSON.stringify(['lastReplyAt', 'DESC']);

@ApiTags('tickets')
@Controller('api/tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Get()
  @RequirePermission(Permission.TicketsView)
  @ApiOperation({ summary: 'The ticket queue, most recent activity first unless sorted otherwise' })
  @ApiListQuery({
    filter:
      'status (one or a list), department, clientId, assignedStaffId, userId, q (words of the subject), id (a list)',
    sort: TICKET_SORT_FIELDS,
  })
  @ApiPage('TicketResponse')
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) response: Response): Promise<TicketResponse[]> {
    const query = parseListQuery({ ...raw, sort: raw.sort || DEFAULT_SORT }, TICKET_SORT_FIELDS, 'lastReplyAt');
    const { rows, total } = await this.tickets.list(query);
    setContentRange(response, 'tickets', query.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission(Permission.TicketsView)
  @ApiOperation({ summary: 'One ticket' })
  @ApiBody('TicketResponse')
  get(@Param('id', ParseIntPipe) id: number): Promise<TicketResponse> {
    return this.tickets.get(id);
  }

  @Post()
  @RequirePermission(Permission.TicketsReply)
  @ApiOperation({
    summary: 'Opens a ticket for a client, with its first message',
    description: '404 NOT_FOUND when the client does not exist; `userId` must be a user of that client.',
  })
  @ApiCreatedBody('TicketResponse')
  // The client is named in the body, not the path.
  @ApiErrors(ErrorCode.NotFound)
  create(@Body() dto: CreateTicketDto, @Ctx() context: RequestContext): Promise<TicketResponse> {
    return this.tickets.create(dto, context);
  }

  @Put(':id')
  @RequirePermission(Permission.TicketsReply)
  @ApiOperation({
    summary: "Changes a ticket's status, priority, department or assignee",
    description: 'Only an active staff member can be assigned.',
  })
  @ApiBody('TicketResponse')
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateTicketDto,
    @Ctx() context: RequestContext,
  ): Promise<TicketResponse> {
    return this.tickets.update(id, dto, context);
  }
}
