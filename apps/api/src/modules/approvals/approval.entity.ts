import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { ApprovalState, AssuredAction } from '@keydesk/domain';

import { bigintTransformer } from '../../database/bigint.transformer';

/** One agent's request that a second person allow one action on one user or staff member, once. */
@Entity('approvals')
export class ApprovalEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 48 })
  action!: AssuredAction;

  @Column({ name: 'user_id', type: 'int', nullable: true })
  userId!: number | null;

  @Column({ name: 'staff_id', type: 'int', nullable: true })
  staffId!: number | null;

  @Column({ name: 'subject_name', type: 'varchar', length: 255 })
  subjectName!: string;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ name: 'ticket_id', type: 'int', nullable: true })
  ticketId!: number | null;

  @Column({ type: 'varchar', length: 16 })
  state!: ApprovalState;

  @Column({ name: 'requested_by', type: 'int' })
  requestedBy!: number;

  @Column({ name: 'requested_by_name', type: 'varchar', length: 255 })
  requestedByName!: string;

  @Column({ name: 'requested_at', type: 'bigint', transformer: bigintTransformer })
  requestedAt!: number;

  @Column({ name: 'decided_by', type: 'int', nullable: true })
  decidedBy!: number | null;

  @Column({ name: 'decided_by_name', type: 'varchar', length: 255, nullable: true })
  decidedByName!: string | null;

  @Column({ name: 'decided_at', type: 'bigint', nullable: true, transformer: bigintTransformer })
  decidedAt!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  comment!: string | null;

  /** Pending: until when it may be decided; approved: until when it may be used. */
  @Column({ name: 'expires_at', type: 'bigint', transformer: bigintTransformer })
  expiresAt!: number;

  @Column({ name: 'used_at', type: 'bigint', nullable: true, transformer: bigintTransformer })
  usedAt!: number | null;
}
