import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';

import { WebhookDeliveryStatus } from '@keydesk/domain';
import { SecretBox } from '@keydesk/mailer';

import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { DatabaseAvailability } from '../../database/database-availability';
import { TransactionRunner } from '../../database/transaction-runner';
import { retryDelayMs } from '../emails/retry-policy';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { webhookSecretBox, webhookSecretContext, webhookSignature } from './webhook-signature';
import { WebhookRepository } from './webhook.repository';

/** Attempts before an event is given up on (about a day of backoff); "send again" queues it anew. */
export const WEBHOOK_MAX_ATTEMPTS = 12;
const BATCH = 20;
const TIMEOUT_MS = 10_000;
/** Longer than a batch of timeouts: a claim only runs out when its worker died. */
const CLAIM_MS = 10 * 60_000;

/**
 * Delivers the queued events every WEBHOOK_WORKER_INTERVAL_MS. Several api processes may run it at
 * once: a claim in the database gives each delivery to one worker. A 2xx answer within ten seconds
 * is delivered; anything else is tried again with growing delays. Every attempt is kept.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookWorker.name);
  private readonly workerId = `${hostname().slice(0, 30)}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly box: SecretBox;
  private runs = 0;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly availability: DatabaseAvailability,
  ) {
    this.box = webhookSecretBox(config.secrets.mailEncryptionKey);
  }

  onApplicationBootstrap(): void {
    const interval = this.config.webhooks.workerIntervalMs;
    if (interval === 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.drain().finally(() => (this.running = undefined));
    }, interval);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Claims what is due and tries it; answers how many deliveries it tried. */
  async runOnce(): Promise<number> {
    this.runs += 1;
    const claimant = `${this.workerId}#${this.runs}`.slice(0, 64);
    const now = this.clock.nowMs();
    if (!(await this.webhooks.hasDue(now))) return 0;
    const claimed = await this.transactions.run((manager) =>
      this.webhooks.claimDue(manager, { now, until: now + CLAIM_MS, claimant, limit: BATCH }),
    );
    await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
    return claimed.length;
  }

  private async drain(): Promise<void> {
    try {
      while ((await this.runOnce()) === BATCH);
    } catch (error) {
      if (!this.availability.noteFailure(error)) this.logger.warn(`Webhook delivery run failed: ${String(error)}`);
    }
  }

  private async attempt(delivery: WebhookDeliveryEntity): Promise<void> {
    const hook = await this.webhooks.findLive(delivery.webhookId);
    const started = Date.now();
    const answer = hook ? await this.post(hook.url, this.secretOf(hook.secretSealed, hook.id), delivery) : null;
    const attempts = delivery.attempts + 1;
    const log = [
      ...(JSON.parse(delivery.attemptLog) as unknown[]),
      {
        at: new Date(this.clock.nowMs()).toISOString(),
        status: answer?.status ?? null,
        error: hook ? (answer?.error ?? null) : 'webhook removed',
        durationMs: Date.now() - started,
      },
    ].slice(-WEBHOOK_MAX_ATTEMPTS);
    const delivered = answer?.status !== undefined && answer.status >= 200 && answer.status < 300;
    const giveUp = !hook || (!delivered && attempts >= WEBHOOK_MAX_ATTEMPTS);
    const now = this.clock.nowMs();
    await this.transactions.run((manager) =>
      this.webhooks.release(manager, delivery, {
        status: delivered
          ? WebhookDeliveryStatus.Delivered
          : giveUp
            ? WebhookDeliveryStatus.Failed
            : WebhookDeliveryStatus.Pending,
        attempts,
        attemptLog: JSON.stringify(log),
        nextAttemptAt: delivered || giveUp ? null : now + retryDelayMs(attempts),
        deliveredAt: delivered ? now : null,
      }),
    );
  }

  /** One signed POST; the receiver's status, or why there was none (never the secret). */
  private async post(
    url: string,
    secret: string,
    delivery: WebhookDeliveryEntity,
  ): Promise<{ status?: number; error: string | null }> {
    const timestamp = Math.floor(this.clock.nowMs() / 1000);
    try {
      const response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Keydesk-Webhooks/1',
          'webhook-id': delivery.messageId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': webhookSignature(secret, delivery.messageId, timestamp, delivery.payload),
        },
        body: delivery.payload,
      });
      await response.body?.cancel();
      return { status: response.status, error: response.ok ? null : `HTTP ${response.status}` };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { error: (cause ?? (error as Error).name ?? 'error').slice(0, 200) };
    }
  }

  private secretOf(sealed: string, webhookId: number): string {
    return this.box.open(sealed, webhookSecretContext(webhookId));
  }
}
