import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { CreatedWebhook, ErrorCode, Permission, WebhookDeliveryResponse, WebhookResponse } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { RequireStepUp } from '../../common/access/step-up';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiListQuery } from '../../common/openapi/api-list-query';
import { ApiBody, ApiCreatedBody, ApiErrors, ApiNoContent, ApiPage } from '../../common/openapi/api-responses';
import { CreateWebhookDto } from './dto/create-webhook.dto';
import { WebhooksService } from './webhooks.service';

/** Administrators' receivers of events. */
@ApiTags('webhooks')
@Controller('api/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @RequireStepUp()
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({
    summary: 'Registers an address for some events; answers the signing secret once',
    description:
      'Deliveries are POSTs signed as Standard Webhooks say (webhook-id, webhook-timestamp, webhook-signature: v1,HMAC-SHA256), retried with backoff, each delivered once across api processes.',
  })
  @ApiCreatedBody('CreatedWebhook')
  create(@Body() dto: CreateWebhookDto, @Ctx() context: RequestContext): Promise<CreatedWebhook> {
    return this.webhooks.create(dto, context);
  }

  @Get()
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({ summary: 'The registered webhooks, oldest first (never their secrets)' })
  @ApiListQuery({ sort: '["id","ASC"|"DESC"]: accepted, but the list is always oldest first' })
  @ApiPage('WebhookResponse')
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) response: Response): Promise<WebhookResponse[]> {
    const query = parseListQuery(raw, ['id'] as const, 'id');
    const all = await this.webhooks.list();
    const rows = all.slice(query.offset, query.offset + query.limit);
    setContentRange(response, 'webhooks', query.offset, rows.length, all.length);
    return rows;
  }

  @Get(':id')
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({ summary: 'One webhook (never its secret)' })
  @ApiBody('WebhookResponse')
  get(@Param('id', ParseIntPipe) id: number): Promise<WebhookResponse> {
    return this.webhooks.get(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({ summary: 'Removes a webhook; what still waits for it is not sent' })
  @ApiNoContent()
  remove(@Param('id', ParseIntPipe) id: number, @Ctx() context: RequestContext): Promise<void> {
    return this.webhooks.remove(id, context);
  }

  @Get(':id/deliveries')
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({ summary: 'Its deliveries, newest first, with every attempt and answer' })
  @ApiListQuery({ sort: '["id","ASC"|"DESC"]: accepted, but the list is always newest first' })
  @ApiPage('WebhookDeliveryResponse')
  async deliveries(
    @Param('id', ParseIntPipe) id: number,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebhookDeliveryResponse[]> {
    const query = parseListQuery(raw, ['id'] as const, 'id');
    const { rows, total } = await this.webhooks.deliveries(id, query.offset, query.limit);
    setContentRange(response, 'deliveries', query.offset, rows.length, total);
    return rows;
  }

  @Post(':id/deliveries/:deliveryId/retry')
  @HttpCode(200)
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({ summary: '"Send again": the same event and webhook-id, as a new round of attempts' })
  @ApiBody('WebhookDeliveryResponse')
  // CONFLICT: the delivery is still waiting for its attempts; only a finished one is sent again.
  @ApiErrors(ErrorCode.Conflict)
  sendAgain(
    @Param('id', ParseIntPipe) id: number,
    @Param('deliveryId', ParseIntPipe) deliveryId: number,
  ): Promise<WebhookDeliveryResponse> {
    return this.webhooks.sendAgain(id, deliveryId);
  }
}
