import { Controller, Get, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { EmailDetailResponse, EmailResponse, Permission } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { EmailsService } from './emails.service';
import { EMAIL_SORT_FIELDS } from './mail-outbox.repository';

const NEWEST_FIRST = JSON.stringify(['id', 'DESC']);

/** The mail Keydesk sent to clients (their Emails tab), with every secret shown as "[redacted]". */
@ApiTags('emails')
@Controller('api/emails')
export class EmailsController {
  constructor(private readonly emails: EmailsService) {}

  /** Filters: clientId, userId, ticketId, status (one or a list), id. Newest first. */
  @Get()
  @RequirePermission(Permission.ClientsView)
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) response: Response): Promise<EmailResponse[]> {
    const query = parseListQuery({ ...raw, sort: raw.sort || NEWEST_FIRST }, EMAIL_SORT_FIELDS, 'id');
    const { rows, total } = await this.emails.list(query);
    setContentRange(response, 'emails', query.offset, rows.length, total);
    return rows;
  }

  /** The mail with its plain-text and HTML bodies as sent, secrets as "[redacted]". */
  @Get(':id')
  @RequirePermission(Permission.ClientsView)
  get(@Param('id', ParseIntPipe) id: number): Promise<EmailDetailResponse> {
    return this.emails.get(id);
  }

  /** Queues a copy; 409 MAIL_HAS_SECRET for a mail that carried a link, password or code. */
  @Post(':id/resend')
  @RequirePermission(Permission.ClientsEdit)
  resend(@Param('id', ParseIntPipe) id: number, @Ctx() context: RequestContext): Promise<EmailDetailResponse> {
    return this.emails.resend(id, context);
  }
}
