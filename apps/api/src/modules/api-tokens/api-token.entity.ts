import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import { bigintTransformer } from '../../database/bigint.transformer';

/** An integration's token: only its hash is kept. */
@Entity('api_tokens')
export class ApiTokenEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  /** Comma-separated permission values. */
  @Column({ type: 'varchar', length: 1000 })
  permissions!: string;

  @Column({ name: 'created_by', type: 'int' })
  createdBy!: number;

  @Column({ name: 'created_by_name', type: 'varchar', length: 255 })
  createdByName!: string;

  @Column({ name: 'created_at', type: 'bigint', transformer: bigintTransformer })
  createdAt!: number;

  @Column({ name: 'expires_at', type: 'bigint', transformer: bigintTransformer })
  expiresAt!: number;

  @Column({ name: 'last_used_at', type: 'bigint', nullable: true, transformer: bigintTransformer })
  lastUsedAt!: number | null;

  @Column({ name: 'revoked_at', type: 'bigint', nullable: true, transformer: bigintTransformer })
  revokedAt!: number | null;
}
