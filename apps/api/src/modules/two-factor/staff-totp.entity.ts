import { Column, Entity, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../database/bigint.transformer';

/** A staff member's authenticator app: its secret sealed, never shown again once confirmed. */
@Entity('staff_totp')
export class StaffTotpEntity {
  @PrimaryColumn({ name: 'staff_id', type: 'int' })
  staffId!: number;

  @Column({ name: 'secret_sealed', type: 'varchar', length: 512 })
  secretSealed!: string;

  /** Null while the enrolment waits for its first code. Epoch ms. */
  @Column({ name: 'confirmed_at', type: 'bigint', nullable: true, transformer: bigintTransformer })
  confirmedAt!: number | null;

  /** The last 30-second step whose code was accepted: that code, and older ones, are refused. */
  @Column({ name: 'last_step', type: 'bigint', nullable: true, transformer: bigintTransformer })
  lastStep!: number | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: bigintTransformer })
  createdAt!: number;
}
