import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { Permission, TicketResponse } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
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

  /** Filters: status (one or a list), department, clientId, assignedStaffId, userId, q (subject words), id. */
  @Get()
  @RequirePermission(Permission.TicketsView)
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) response: Response): Promise<TicketResponse[]> {
    const query = parseListQuery({ ...raw, sort: raw.sort || DEFAULT_SORT }, TICKET_SORT_FIELDS, 'lastReplyAt');
    const { rows, total } = await this.tickets.list(query);
    setContentRange(response, 'tickets', query.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission(Permission.TicketsView)
  get(@Param('id', ParseIntPipe) id: number): Promise<TicketResponse> {
    return this.tickets.get(id);
  }

  @Post()
  @RequirePermission(Permission.TicketsReply)
  create(@Body() dto: CreateTicketDto, @Ctx() context: RequestContext): Promise<TicketResponse> {
    return this.tickets.create(dto, context);
  }

  @Put(':id')
  @RequirePermission(Permission.TicketsReply)
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateTicketDto,
    @Ctx() context: RequestContext,
  ): Promise<TicketResponse> {
    return this.tickets.update(id, dto, context);
  }
}
