import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { MessageAuthorType } from '@keydesk/domain';

/** A public reply (staff or customer) or, when internal, a staff note the customer never sees. */
@Entity('ticket_messages')
export class TicketMessageEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'ticket_id', type: 'int' })
  ticketId!: number;

  @Column({ name: 'author_type', type: 'varchar', length: 16 })
  authorType!: MessageAuthorType;

  @Column({ name: 'author_staff_id', type: 'int', nullable: true })
  authorStaffId!: number | null;

  @Column({ name: 'author_user_id', type: 'int', nullable: true })
  authorUserId!: number | null;

  @Column({ name: 'author_name', type: 'varchar', length: 255 })
  authorName!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'boolean', default: false })
  internal!: boolean;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
