import { Column, Entity, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../database/bigint.transformer';

/**
 * A client-area session, shared by every api process. The key is the SHA-256 of the cookie's
 * random id, so a copy of this table does not let anyone ride a live session. Times are epoch ms.
 */
@Entity('user_sessions')
export class UserSessionEntity {
  @PrimaryColumn({ name: 'id_hash', type: 'varchar', length: 64 })
  idHash!: string;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  /** The client named at sign-in (client key + user name); null after an email sign-in. */
  @Column({ name: 'client_id', type: 'int', nullable: true })
  clientId!: number | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: bigintTransformer })
  createdAt!: number;

  @Column({ name: 'last_seen_at', type: 'bigint', transformer: bigintTransformer })
  lastSeenAt!: number;

  /** The absolute limit; the idle one is counted from lastSeenAt. */
  @Column({ name: 'expires_at', type: 'bigint', transformer: bigintTransformer })
  expiresAt!: number;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 512, nullable: true })
  userAgent!: string | null;

  /** The synchronizer token every form of this session posts back (OWASP CSRF cheat sheet). */
  @Column({ name: 'csrf_token', type: 'varchar', length: 64 })
  csrfToken!: string;

  /** Signed in with the password; the second factor is still to come (only that page answers). */
  @Column({ name: 'second_factor_pending', type: 'boolean', default: false })
  secondFactorPending!: boolean;

  /** The client requires a second factor and the user has none: only the enrolment pages answer. */
  @Column({ name: 'enrolment_required', type: 'boolean', default: false })
  enrolmentRequired!: boolean;

  /** Wrong second factors of a pending session; the fifth ends it. */
  @Column({ name: 'failed_second_factors', type: 'int', default: 0 })
  failedSecondFactors!: number;

  /** The passkey ceremony's challenge, used once. */
  @Column({ name: 'webauthn_challenge', type: 'varchar', length: 128, nullable: true })
  webauthnChallenge!: string | null;
}
