import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { VerificationMethod } from '@keydesk/domain';

import { bigintTransformer } from '../../database/bigint.transformer';

/**
 * One attempt by one agent to verify the caller who says they are a user: a code mailed to an
 * address on file (kept as an HMAC only), with its tries; confirmed, it counts until `verifiedUntil`.
 */
@Entity('caller_verifications')
export class CallerVerificationEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'staff_id', type: 'int' })
  staffId!: number;

  @Column({ name: 'ticket_id', type: 'int', nullable: true })
  ticketId!: number | null;

  @Column({ type: 'varchar', length: 16 })
  method!: VerificationMethod;

  @Column({ type: 'varchar', length: 254, nullable: true })
  address!: string | null;

  @Column({ name: 'code_hash', type: 'varchar', length: 64, nullable: true })
  codeHash!: string | null;

  @Column({ type: 'int' })
  tries!: number;

  @Column({ name: 'expires_at', type: 'bigint', transformer: bigintTransformer })
  expiresAt!: number;

  @Column({ name: 'confirmed_at', type: 'bigint', nullable: true, transformer: bigintTransformer })
  confirmedAt!: number | null;

  @Column({ name: 'verified_until', type: 'bigint', nullable: true, transformer: bigintTransformer })
  verifiedUntil!: number | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: bigintTransformer })
  createdAt!: number;
}
