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
}
