import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { WebhookDeliveryStatus, WebhookEvent, WebhookPayload } from '@keydesk/domain';

import { Clock } from '../../common/time/clock';
import { newMessageId } from './webhook-signature';
import { WebhookRepository } from './webhook.repository';

/** Keys that would carry a secret into a payload; a programming error, so it throws. */
const SECRET_KEY = /password|token|secret|code$|Code$|hash$/i;

/**
 * Queues an event for every receiver that wants it, inside the transaction of the action that
 * causes it: the event goes out if and only if the action committed, and nothing is lost while a
 * receiver is down. Payloads carry ids and names, never a secret.
 */
@Injectable()
export class WebhookOutbox {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly clock: Clock,
  ) {}

  async emit(manager: EntityManager, event: WebhookEvent, data: WebhookPayload['data']): Promise<void> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('WebhookOutbox.emit must run inside the action’s transaction');
    const secret = Object.keys(data).find((key) => SECRET_KEY.test(key));
    if (secret) throw new Error(`Webhook payloads must not hold secrets (key "${secret}")`);
    const receivers = (await this.webhooks.live(manager)).filter((hook) => hook.events.split(',').includes(event));
    if (receivers.length === 0) return;
    const now = this.clock.nowMs();
    const payload = JSON.stringify({
      type: event,
      timestamp: new Date(now).toISOString(),
      data,
    } satisfies WebhookPayload);
    await this.webhooks.queue(
      manager,
      receivers.map((hook) => ({
        webhookId: hook.id,
        event,
        messageId: newMessageId(),
        payload,
        status: WebhookDeliveryStatus.Pending,
        attempts: 0,
        attemptLog: '[]',
        nextAttemptAt: now,
        claimedBy: null,
        claimedUntil: null,
        deliveredAt: null,
        createdAt: now,
      })),
    );
  }
}
