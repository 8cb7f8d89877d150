import { Column, Entity, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../database/bigint.transformer';

/** Failure counters by (name, IP) and by name, in the database so every api process sees them. */
@Entity('sign_in_throttle')
export class SignInThrottleEntity {
  /** SHA-256 of the key, so typed names (sometimes a mistyped password) are not stored. */
  @PrimaryColumn({ name: 'throttle_key', type: 'varchar', length: 64 })
  throttleKey!: string;

  @Column({ type: 'int' })
  failures!: number;

  @Column({ name: 'window_started_at', type: 'bigint', transformer: bigintTransformer })
  windowStartedAt!: number;

  @Column({ name: 'blocked_until', type: 'bigint', nullable: true, transformer: bigintTransformer })
  blockedUntil!: number | null;

  @Column({ name: 'block_count', type: 'int', default: 0 })
  blockCount!: number;

  @Column({ name: 'updated_at', type: 'bigint', transformer: bigintTransformer })
  updatedAt!: number;
}
