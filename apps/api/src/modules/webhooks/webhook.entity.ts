import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import { bigintTransformer } from '../../database/bigint.transformer';

/** A receiver of events: its address, the events it wants, its signing secret (sealed). */
@Entity('webhooks')
export class WebhookEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  /** Comma-separated event names. */
  @Column({ type: 'varchar', length: 500 })
  events!: string;

  @Column({ name: 'secret_sealed', type: 'varchar', length: 512 })
  secretSealed!: string;

  @Column({ name: 'created_by', type: 'int' })
  createdBy!: number;

  @Column({ name: 'created_by_name', type: 'varchar', length: 255 })
  createdByName!: string;

  @Column({ name: 'created_at', type: 'bigint', transformer: bigintTransformer })
  createdAt!: number;

  @Column({ name: 'deleted_at', type: 'bigint', nullable: true, transformer: bigintTransformer })
  deletedAt!: number | null;
}
