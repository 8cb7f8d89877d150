import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { Permission, TicketMessageResponse } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiListQuery } from '../../common/openapi/api-list-query';
import { ApiCreatedBody, ApiPage } from '../../common/openapi/api-responses';
import { CreateTicketMessageDto } from './dto/create-ticket-message.dto';
import { TICKET_MESSAGE_SORT_FIELDS } from './ticket-message.repository';
import { TicketMessagesService } from './ticket-messages.service';

/** A ticket's thread, for staff: internal notes are listed (and marked) alongside replies. */
@ApiTags('tickets')
@Controller('api/tickets/:id/messages')
export class TicketMessagesController {
  constructor(private readonly messages: TicketMessagesService) {}

  @Get()
  @RequirePermission(Permission.TicketsView)
  @ApiOperation({ summary: "The ticket's thread, oldest first, internal notes included unless filtered out" })
  @ApiListQuery({ filter: '{"internal":false} leaves out the internal notes', sort: TICKET_MESSAGE_SORT_FIELDS })
  @ApiPage('TicketMessageResponse')
  async list(
    @Param('id', ParseIntPipe) ticketId: number,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketMessageResponse[]> {
    const query = parseListQuery(raw, TICKET_MESSAGE_SORT_FIELDS, 'id');
    const { rows, total } = await this.messages.list(ticketId, query);
    setContentRange(response, 'messages', query.offset, rows.length, total);
    return rows;
  }

  @Post()
  @RequirePermission(Permission.TicketsReply)
  @ApiOperation({
    summary: 'Posts a public reply or, with `internal: true`, a note for colleagues',
    description: 'A public reply makes the ticket `answered` and is mailed to the customer; a note changes nothing.',
  })
  @ApiCreatedBody('TicketMessageResponse')
  create(
    @Param('id', ParseIntPipe) ticketId: number,
    @Body() dto: CreateTicketMessageDto,
    @Ctx() context: RequestContext,
  ): Promise<TicketMessageResponse> {
    return this.messages.post(ticketId, dto, context);
  }
}
