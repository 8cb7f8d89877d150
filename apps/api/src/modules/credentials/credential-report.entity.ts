import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { CredentialKind, CredentialWay } from '@keydesk/domain';

import { bigintTransformer } from '../../database/bigint.transformer';

/**
 * A notice's "This wasn't me" link: only the SHA-256 of its token is kept, with what the notice
 * told, so the page can say it again. Single-use, REPORT_LINK_SECONDS long.
 */
@Entity('credential_reports')
export class CredentialReportEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'client_id', type: 'int', nullable: true })
  clientId!: number | null;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'change_kind', type: 'varchar', length: 16 })
  changeKind!: CredentialKind;

  @Column({ name: 'change_way', type: 'varchar', length: 16 })
  changeWay!: CredentialWay;

  /** The agent's display name, when staff made the change. */
  @Column({ name: 'changed_by', type: 'varchar', length: 255, nullable: true })
  changedBy!: string | null;

  /** The audit entry of the change, which the report points at. */
  @Column({ name: 'change_entry_id', type: 'varchar', length: 36 })
  changeEntryId!: string;

  @Column({ name: 'changed_at', type: 'datetime' })
  changedAt!: Date;

  /** Epoch milliseconds. */
  @Column({ name: 'expires_at', type: 'bigint', transformer: bigintTransformer })
  expiresAt!: number;

  @Column({ name: 'used_at', type: 'datetime', nullable: true })
  usedAt!: Date | null;
}
