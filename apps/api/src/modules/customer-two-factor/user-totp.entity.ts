import { Column, Entity, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../database/bigint.transformer';

/** A customer's authenticator app: the secret sealed, the last time step a code took (each works once). */
@Entity('user_totp')
export class UserTotpEntity {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'secret_sealed', type: 'varchar', length: 512 })
  secretSealed!: string;

  @Column({ name: 'confirmed_at', type: 'bigint', nullable: true, transformer: bigintTransformer })
  confirmedAt!: number | null;

  @Column({ name: 'last_step', type: 'bigint', nullable: true, transformer: bigintTransformer })
  lastStep!: number | null;

  @Column({ name: 'last_used_at', type: 'bigint', nullable: true, transformer: bigintTransformer })
  lastUsedAt!: number | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: bigintTransformer })
  createdAt!: number;
}
