import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { RescueRedemptionOutcome, RescueVoidReason } from '@keydesk/domain';

import { bigintTransformer } from '../../database/bigint.transformer';

/**
 * A rescue code mailed for one user of one client. The code itself is never stored: only its
 * HMAC under a key outside the database (RescueCodeHasher). Its state follows from the times.
 */
@Entity('rescue_codes')
export class RescueCodeEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'client_id', type: 'int' })
  clientId!: number;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash!: string;

  /** How many addresses the code went to; which ones, the Emails tab shows. */
  @Column({ type: 'int' })
  recipients!: number;

  @Column({ name: 'failed_attempts', type: 'int', default: 0 })
  failedAttempts!: number;

  /** Epoch ms, so both dialects compare it as a number with the Clock's time. */
  @Column({ name: 'expires_at', type: 'bigint', transformer: bigintTransformer })
  expiresAt!: number;

  @Column({ name: 'used_at', type: 'datetime', nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'voided_at', type: 'datetime', nullable: true })
  voidedAt!: Date | null;

  @Column({ name: 'void_reason', type: 'varchar', length: 20, nullable: true })
  voidReason!: RescueVoidReason | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome!: RescueRedemptionOutcome | null;

  @Column({ name: 'requested_ip', type: 'varchar', length: 45, nullable: true })
  requestedIp!: string | null;

  @Column({ name: 'redeemed_ip', type: 'varchar', length: 45, nullable: true })
  redeemedIp!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
