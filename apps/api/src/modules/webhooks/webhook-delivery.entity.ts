import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { WebhookDeliveryStatus, WebhookEvent } from '@keydesk/domain';

import { bigintTransformer } from '../../database/bigint.transformer';

/** One event for one receiver: queued with the action, claimed by one worker, retried with backoff. */
@Entity('webhook_deliveries')
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'webhook_id', type: 'int' })
  webhookId!: number;

  @Column({ type: 'varchar', length: 48 })
  event!: WebhookEvent;

  @Column({ name: 'message_id', type: 'varchar', length: 64 })
  messageId!: string;

  /** The JSON body, exactly as signed and sent. */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: WebhookDeliveryStatus;

  @Column({ type: 'int' })
  attempts!: number;

  /** JSON: every attempt with its time, the receiver's status (or the error) and how long it took. */
  @Column({ name: 'attempt_log', type: 'text' })
  attemptLog!: string;

  @Column({ name: 'next_attempt_at', type: 'bigint', nullable: true, transformer: bigintTransformer })
  nextAttemptAt!: number | null;

  @Column({ name: 'claimed_by', type: 'varchar', length: 64, nullable: true })
  claimedBy!: string | null;

  @Column({ name: 'claimed_until', type: 'bigint', nullable: true, transformer: bigintTransformer })
  claimedUntil!: number | null;

  @Column({ name: 'delivered_at', type: 'bigint', nullable: true, transformer: bigintTransformer })
  deliveredAt!: number | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: bigintTransformer })
  createdAt!: number;
}
