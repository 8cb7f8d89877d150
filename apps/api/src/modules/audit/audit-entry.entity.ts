import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { ActivityAction, ActorType, SubjectType } from '@keydesk/domain';

import { bigintTransformer } from '../../database/bigint.transformer';

/** One row of the append-only audit trail; `hash` chains it to the row before. */
@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryColumn({ type: 'bigint', transformer: bigintTransformer })
  seq!: number;

  @Column({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 })
  occurredAt!: Date;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType!: ActorType;

  @Column({ name: 'actor_id', type: 'varchar', length: 64, nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 255 })
  actorName!: string;

  @Column({ type: 'varchar', length: 64 })
  action!: ActivityAction;

  @Column({ name: 'subject_type', type: 'varchar', length: 16, nullable: true })
  subjectType!: SubjectType | null;

  @Column({ name: 'subject_id', type: 'varchar', length: 64, nullable: true })
  subjectId!: string | null;

  @Column({ name: 'subject_name', type: 'varchar', length: 255, nullable: true })
  subjectName!: string | null;

  /** The client the entry concerns, if any: the client's Log tab reads by it. */
  @Column({ name: 'client_id', type: 'int', nullable: true })
  clientId!: number | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 512, nullable: true })
  userAgent!: string | null;

  /** JSON; the audit service refuses keys that look like secrets. */
  @Column({ type: 'text' })
  details!: string;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}

/** What lists and exports read of an entry: not the user agent (the detail has it) nor the chain's hashes. */
export type ListedAuditEntry = Omit<AuditEntryEntity, 'userAgent' | 'prevHash' | 'hash'>;
