import { Column, Entity, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../database/bigint.transformer';

/** A challenge for signing in with a passkey alone (no session yet): any api process may get the answer, once. */
@Entity('passkey_challenges')
export class PasskeyChallengeEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  challenge!: string;

  @Column({ name: 'expires_at', type: 'bigint', transformer: bigintTransformer })
  expiresAt!: number;
}
