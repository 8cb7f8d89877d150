import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import type { TicketDepartment, TicketPriority, TicketStatus } from '@keydesk/domain';

import { ClientEntity } from '../clients/client.entity';

@Entity('tickets')
export class TicketEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'client_id', type: 'int' })
  clientId!: number;

  @Column({ name: 'user_id', type: 'int', nullable: true })
  userId!: number | null;

  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  @Column({ type: 'varchar', length: 32 })
  department!: TicketDepartment;

  @Column({ type: 'varchar', length: 16 })
  priority!: TicketPriority;

  @Column({ type: 'varchar', length: 16 })
  status!: TicketStatus;

  @Column({ name: 'assigned_staff_id', type: 'int', nullable: true })
  assignedStaffId!: number | null;

  /** Orders the queues: the ticket with the oldest unanswered message first. */
  @Column({ name: 'last_reply_at', type: 'datetime' })
  lastReplyAt!: Date;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;

  /** Joined where a response needs the company name: one query for a whole queue page. */
  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: ClientEntity;
}
