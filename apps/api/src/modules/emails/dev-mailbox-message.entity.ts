import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A mail as the development transport received it, secrets included: on a newcomer's machine this
 * table stands in for their inbox. Never written in production, where SMTP_URL is required.
 */
@Entity('dev_mailbox')
export class DevMailboxMessageEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'message_id', type: 'varchar', length: 255 })
  messageId!: string;

  @Column({ type: 'varchar', length: 320 })
  sender!: string;

  @Column({ type: 'varchar', length: 254 })
  recipient!: string;

  @Column({ type: 'varchar', length: 500 })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  html!: string;

  @Column({ name: 'received_at', type: 'datetime' })
  receivedAt!: Date;
}
