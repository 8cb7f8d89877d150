import { Injectable } from '@nestjs/common';

import {
  ActivityAction,
  CreatedWebhook,
  ErrorCode,
  SubjectType,
  WebhookDeliveryResponse,
  WebhookEvent,
  WebhookPayload,
  WebhookResponse,
} from '@keydesk/domain';
import { SecretBox } from '@keydesk/mailer';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { staffActor } from '../audit/audit-actors';
import { AuditService } from '../audit/audit.service';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { newWebhookSecret, webhookSecretBox, webhookSecretContext } from './webhook-signature';
import { WebhookEntity } from './webhook.entity';
import { WebhookRepository } from './webhook.repository';
import { CreateWebhookDto } from './dto/create-webhook.dto';

/** Administrators register receivers of events, see each delivery's attempts, and send one again. */
@Injectable()
export class WebhooksService {
  private readonly box: SecretBox;

  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.box = webhookSecretBox(config.secrets.mailEncryptionKey);
  }

  async create(dto: CreateWebhookDto, context: RequestContext): Promise<CreatedWebhook> {
    const maker = context.staff;
    if (!maker) throw new DomainError(ErrorCode.NotAuthenticated);
    // Events carry who lost access and how: in production they travel encrypted only.
    if (this.config.server.production && !dto.url.startsWith('https://'))
      throw new DomainError(ErrorCode.ValidationFailed, {}, { url: { key: 'webhooks.httpsOnly' } });
    const secret = newWebhookSecret();
    const events = [...new Set(dto.events)];
    const row = await this.transactions.run(async (manager) => {
      const saved = await this.webhooks.insert(manager, {
        url: dto.url,
        events: events.join(','),
        secretSealed: '',
        createdBy: maker.id,
        createdByName: maker.displayName,
        createdAt: this.clock.nowMs(),
        deletedAt: null,
      });
      await this.webhooks.setSecret(manager, saved.id, this.box.seal(secret, webhookSecretContext(saved.id)));
      await this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.WebhookCreated,
        subject: { type: SubjectType.System, id: `webhook:${saved.id}`, name: saved.url },
        ip: context.ip,
        userAgent: context.userAgent,
        details: { webhookId: saved.id, url: saved.url, events },
      });
      return saved;
    });
    return { id: row.id, secret };
  }

  async list(): Promise<WebhookResponse[]> {
    return (await this.webhooks.live()).map(toWebhookResponse);
  }

  async get(id: number): Promise<WebhookResponse> {
    return toWebhookResponse(await this.require(id));
  }

  async remove(id: number, context: RequestContext): Promise<void> {
    const hook = await this.require(id);
    await this.transactions.run(async (manager) => {
      if (!(await this.webhooks.remove(manager, id, this.clock.nowMs()))) return;
      await this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.WebhookRemoved,
        subject: { type: SubjectType.System, id: `webhook:${id}`, name: hook.url },
        ip: context.ip,
        userAgent: context.userAgent,
        details: { webhookId: id },
      });
    });
  }

  async deliveries(
    webhookId: number,
    offset: number,
    limit: number,
  ): Promise<{ rows: WebhookDeliveryResponse[]; total: number }> {
    await this.require(webhookId);
    const [rows, total] = await this.webhooks.deliveriesOf(webhookId, offset, limit);
    return { rows: rows.map(toDeliveryResponse), total };
  }

  /** "Send again": the same event, with the same webhook-id, as a new round of attempts. */
  async sendAgain(webhookId: number, deliveryId: number): Promise<WebhookDeliveryResponse> {
    await this.require(webhookId);
    const delivery = await this.webhooks.findDelivery(deliveryId);
    if (!delivery || delivery.webhookId !== webhookId) throw new DomainError(ErrorCode.NotFound, { resource: 'route' });
    const queued = await this.transactions.run((manager) =>
      this.webhooks.requeue(manager, deliveryId, this.clock.nowMs()),
    );
    if (!queued) throw new DomainError(ErrorCode.Conflict);
    return toDeliveryResponse((await this.webhooks.findDelivery(deliveryId))!);
  }

  private async require(id: number): Promise<WebhookEntity> {
    const hook = await this.webhooks.findLive(id);
    if (!hook) throw new DomainError(ErrorCode.NotFound, { resource: 'route' });
    return hook;
  }
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toWebhookResponse(row: WebhookEntity): WebhookResponse {
  return {
    id: row.id,
    url: row.url,
    events: row.events.split(',') as WebhookEvent[],
    createdBy: { id: row.createdBy, name: row.createdByName },
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

function toDeliveryResponse(row: WebhookDeliveryEntity): WebhookDeliveryResponse {
  return {
    id: row.id,
    webhookId: row.webhookId,
    event: row.event,
    messageId: row.messageId,
    status: row.status,
    payload: JSON.parse(row.payload) as WebhookPayload,
    attempts: JSON.parse(row.attemptLog) as WebhookDeliveryResponse['attempts'],
    nextAttemptAt: iso(row.nextAttemptAt),
    deliveredAt: iso(row.deliveredAt),
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
