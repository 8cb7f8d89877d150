import { Column, Entity, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../database/bigint.transformer';

/** A fixed-window counter, in the database so every api process counts the same hits. */
@Entity('rate_limits')
export class RateLimitEntity {
  /** SHA-256 of the key, so what people typed (names, keys) is not stored. */
  @PrimaryColumn({ name: 'limit_key', type: 'varchar', length: 64 })
  limitKey!: string;

  @Column({ name: 'window_started_at', type: 'bigint', transformer: bigintTransformer })
  windowStartedAt!: number;

  @Column({ type: 'int' })
  hits!: number;

  @Column({ name: 'updated_at', type: 'bigint', transformer: bigintTransformer })
  updatedAt!: number;
}
