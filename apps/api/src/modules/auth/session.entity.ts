import { Column, Entity, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../database/bigint.transformer';

/**
 * A staff session, shared by every api process. The key is the SHA-256 of the cookie's id, so a
 * copy of this table does not let anyone ride a live session.
 */
@Entity('sessions')
export class SessionEntity {
  @PrimaryColumn({ name: 'id_hash', type: 'varchar', length: 64 })
  idHash!: string;

  @Column({ name: 'staff_id', type: 'int', nullable: true })
  staffId!: number | null;

  @Column({ type: 'text' })
  data!: string;

  @Column({ name: 'expires_at', type: 'bigint', transformer: bigintTransformer })
  expiresAt!: number;
}
