import { Column, Entity, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../database/bigint.transformer';

/** How a session was signed in: the password alone, or with which second factor. */
export type SignInMethod = 'password' | 'totp' | 'passkey' | 'recovery_code';

/**
 * A staff session, shared by every api process. The key is the SHA-256 of the cookie's random
 * id, so a copy of this table does not let anyone ride a live session. Times are epoch ms.
 */
@Entity('staff_sessions')
export class StaffSessionEntity {
  @PrimaryColumn({ name: 'id_hash', type: 'varchar', length: 64 })
  idHash!: string;

  @Column({ name: 'staff_id', type: 'int' })
  staffId!: number;

  @Column({ name: 'created_at', type: 'bigint', transformer: bigintTransformer })
  createdAt!: number;

  @Column({ name: 'last_seen_at', type: 'bigint', transformer: bigintTransformer })
  lastSeenAt!: number;

  /** The absolute limit; the idle one counts from lastSeenAt. */
  @Column({ name: 'expires_at', type: 'bigint', transformer: bigintTransformer })
  expiresAt!: number;

  @Column({ name: 'csrf_token', type: 'varchar', length: 64 })
  csrfToken!: string;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 512, nullable: true })
  userAgent!: string | null;

  @Column({ name: 'signed_in_with', type: 'varchar', length: 16 })
  signedInWith!: SignInMethod;

  /**
   * Signed in with the password only, where a second factor is due: the session serves nothing
   * but the second factor, enrolment and sign-out until it is proved.
   */
  @Column({ name: 'second_factor_pending', type: 'boolean', default: false })
  secondFactorPending!: boolean;

  /** Wrong second factors of a pending session; the fifth ends it. */
  @Column({ name: 'failed_second_factors', type: 'int', default: 0 })
  failedSecondFactors!: number;

  /**
   * The challenge of the passkey ceremony under way (registration, sign-in or step-up): kept with
   * the session, so whichever api process gets the answer can check it. Used once.
   */
  @Column({ name: 'webauthn_challenge', type: 'varchar', length: 128, nullable: true })
  webauthnChallenge!: string | null;

  /** When the person last proved themselves (sign-in counts): sensitive actions look at it. */
  @Column({ name: 'stepped_up_at', type: 'bigint', nullable: true, transformer: bigintTransformer })
  steppedUpAt!: number | null;
}
