import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { MailStatus } from '@keydesk/domain';
import type { MailLocale } from '@keydesk/mailer';

import { bigintTransformer } from '../../database/bigint.transformer';

/**
 * A mail, written in the transaction of the action that causes it and delivered afterwards by the
 * worker. Its secrets wait here sealed, and are wiped once it is sent or given up on.
 */
@Entity('mail_outbox')
export class MailOutboxEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'client_id', type: 'int', nullable: true })
  clientId!: number | null;

  @Column({ name: 'user_id', type: 'int', nullable: true })
  userId!: number | null;

  @Column({ name: 'ticket_id', type: 'int', nullable: true })
  ticketId!: number | null;

  @Column({ type: 'varchar', length: 254 })
  recipient!: string;

  @Column({ type: 'varchar', length: 2 })
  locale!: MailLocale;

  @Column({ type: 'varchar', length: 64 })
  template!: string;

  /** The template's plain variables, as JSON. */
  @Column({ type: 'text' })
  data!: string;

  /** The secret variables, as a SecretBox value of their JSON; null once wiped. */
  @Column({ type: 'text', nullable: true })
  secrets!: string | null;

  /** Which variables were secret, comma-separated: kept after the wipe, to show them as "[redacted]". */
  @Column({ name: 'secret_names', type: 'varchar', length: 255, default: '' })
  secretNames!: string;

  @Column({ name: 'has_secret', type: 'boolean', default: false })
  hasSecret!: boolean;

  /** Rendered at enqueue with every secret as "[redacted]". */
  @Column({ type: 'varchar', length: 500 })
  subject!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: MailStatus;

  /** Delivery attempts begun, counted when a worker claims the mail. */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** Epoch ms: when a worker may take it; while claimed, the end of the claim. */
  @Column({ name: 'next_attempt_at', type: 'bigint', transformer: bigintTransformer })
  nextAttemptAt!: number;

  @Column({ name: 'claimed_until', type: 'bigint', nullable: true, transformer: bigintTransformer })
  claimedUntil!: number | null;

  @Column({ name: 'claimed_by', type: 'varchar', length: 64, nullable: true })
  claimedBy!: string | null;

  /** Why the latest attempt failed, scrubbed of the mail's secrets. */
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Column({ name: 'sent_at', type: 'datetime', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  secretNameList(): string[] {
    return this.secretNames ? this.secretNames.split(',') : [];
  }
}
