import { Global, Module } from '@nestjs/common';

import { WebhookOutbox } from './webhook-outbox';
import { WebhookRepository } from './webhook.repository';
import { WebhookWorker } from './webhook-worker';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/**
 * Events for integrations. Global, like the audit trail: the actions that cause events queue them
 * (WebhookOutbox) in their own transaction, wherever they live.
 */
@Global()
@Module({
  controllers: [WebhooksController],
  providers: [WebhookRepository, WebhookOutbox, WebhookWorker, WebhooksService],
  exports: [WebhookOutbox, WebhookWorker],
})
export class WebhooksModule {}
