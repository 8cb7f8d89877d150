import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import { bigintTransformer } from '../../database/bigint.transformer';

/**
 * A password reset link sent to a user. The token itself is never stored: only its SHA-256, so a
 * copy of the database opens no account. Its state (sent, used, expired, voided) follows from the times.
 */
@Entity('password_reset_tokens')
export class PasswordResetTokenEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  /** The client whose language the mail and the page speak. */
  @Column({ name: 'client_id', type: 'int' })
  clientId!: number;

  @Column({ name: 'ticket_id', type: 'int', nullable: true })
  ticketId!: number | null;

  @Column({ name: 'ticket_message_id', type: 'int', nullable: true })
  ticketMessageId!: number | null;

  @Column({ name: 'email_id', type: 'int', nullable: true })
  emailId!: number | null;

  /** Hex SHA-256 of the token. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  /** Epoch ms, so both dialects compare it as a number with the Clock's time. */
  @Column({ name: 'expires_at', type: 'bigint', transformer: bigintTransformer })
  expiresAt!: number;

  @Column({ name: 'used_at', type: 'datetime', nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'voided_at', type: 'datetime', nullable: true })
  voidedAt!: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;

  @Column({ name: 'sent_by_staff_id', type: 'int', nullable: true })
  sentByStaffId!: number | null;

  @Column({ name: 'sent_by_name', type: 'varchar', length: 255 })
  sentByName!: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
