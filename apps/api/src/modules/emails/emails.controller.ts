import { Controller, Get, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { EmailDetailResponse, EmailResponse, ErrorCode, Permission } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiListQuery } from '../../common/openapi/api-list-query';
import { ApiBody, ApiCreatedBody, ApiErrors, ApiPage } from '../../common/openapi/api-responses';
import { EmailsService } from './emails.service';
import { EMAIL_SORT_FIELDS } from './mail-outbox.repository';

const NEWEST_FIRST = JSON.stringify(['id', 'DESC']);

/** The mail Keydesk sent to clients (their Emails tab), with every secret shown as "[redacted]". */
@ApiTags('emails')
@Controller('api/emails')
export class EmailsController {
  constructor(private readonly emails: EmailsService) {}

  @Get()
  @RequirePermission(Permission.ClientsView)
  @ApiOperation({ summary: 'The mail Keydesk sent, newest first' })
  @ApiListQuery({ filter: 'clientId, userId, ticketId, status (one or a list), id (a list)', sort: EMAIL_SORT_FIELDS })
  @ApiPage('EmailResponse')
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) response: Response): Promise<EmailResponse[]> {
    const query = parseListQuery({ ...raw, sort: raw.sort || NEWEST_FIRST }, EMAIL_SORT_FIELDS, 'id');
    const { rows, total } = await this.emails.list(query);
    setContentRange(response, 'emails', query.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission(Permission.ClientsView)
  @ApiOperation({ summary: 'One mail with its plain-text and HTML bodies as sent, secrets as "[redacted]"' })
  @ApiBody('EmailDetailResponse')
  get(@Param('id', ParseIntPipe) id: number): Promise<EmailDetailResponse> {
    return this.emails.get(id);
  }

  @Post(':id/resend')
  @RequirePermission(Permission.ClientsEdit)
  @ApiOperation({
    summary: 'Queues a copy of a mail; answers the copy',
    description:
      '409 MAIL_HAS_SECRET for a mail that carried a link, password or code: the action that made it issues a fresh one.',
  })
  @ApiCreatedBody('EmailDetailResponse', 'Queued')
  @ApiErrors(ErrorCode.MailHasSecret)
  resend(@Param('id', ParseIntPipe) id: number, @Ctx() context: RequestContext): Promise<EmailDetailResponse> {
    return this.emails.resend(id, context);
  }
}
