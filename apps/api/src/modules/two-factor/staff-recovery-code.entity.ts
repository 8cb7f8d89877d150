import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import { bigintTransformer } from '../../database/bigint.transformer';

/** One recovery code, kept only as its hash; used once. */
@Entity('staff_recovery_codes')
export class StaffRecoveryCodeEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'staff_id', type: 'int' })
  staffId!: number;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash!: string;

  @Column({ name: 'used_at', type: 'bigint', nullable: true, transformer: bigintTransformer })
  usedAt!: number | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: bigintTransformer })
  createdAt!: number;
}
