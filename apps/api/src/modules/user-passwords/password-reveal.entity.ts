import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import { bigintTransformer } from '../../database/bigint.transformer';

/**
 * The view-once link of a temporary password. The token is never stored (only its SHA-256), and
 * the password is sealed under a key derived from the token: whoever reads this table, or holds
 * the server's keys, still cannot see it. The sealed value is wiped when revealed or voided.
 */
@Entity('password_reveals')
export class PasswordRevealEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  /** The client whose language the page speaks. */
  @Column({ name: 'client_id', type: 'int' })
  clientId!: number;

  @Column({ name: 'ticket_id', type: 'int', nullable: true })
  ticketId!: number | null;

  @Column({ name: 'email_id', type: 'int', nullable: true })
  emailId!: number | null;

  /** Hex SHA-256 of the token. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'sealed_password', type: 'varchar', length: 2048, nullable: true })
  sealedPassword!: string | null;

  /** Epoch milliseconds: the temporary password's own expiry. */
  @Column({ name: 'expires_at', type: 'bigint', transformer: bigintTransformer })
  expiresAt!: number;

  @Column({ name: 'revealed_at', type: 'datetime', nullable: true })
  revealedAt!: Date | null;

  /** A newer temporary password, or a password the user chose, replaced this one. */
  @Column({ name: 'voided_at', type: 'datetime', nullable: true })
  voidedAt!: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
