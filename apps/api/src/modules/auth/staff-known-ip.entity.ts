import { Column, Entity, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../database/bigint.transformer';

/** Addresses a staff member signed in from; a lockout does not apply to them (see SignInThrottle). */
@Entity('staff_known_ips')
export class StaffKnownIpEntity {
  @PrimaryColumn({ name: 'staff_id', type: 'int' })
  staffId!: number;

  @PrimaryColumn({ type: 'varchar', length: 45 })
  ip!: string;

  @Column({ name: 'last_seen_at', type: 'bigint', transformer: bigintTransformer })
  lastSeenAt!: number;
}
