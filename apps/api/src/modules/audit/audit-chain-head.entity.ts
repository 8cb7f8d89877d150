import { Column, Entity, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../database/bigint.transformer';

/**
 * The single row every audited transaction locks to take the next sequence number: it orders
 * concurrent writers (several api processes) into one chain, and reveals rows cut off the end.
 */
@Entity('audit_chain_head')
export class AuditChainHeadEntity {
  @PrimaryColumn({ type: 'int' })
  id!: number;

  @Column({ name: 'last_seq', type: 'bigint', transformer: bigintTransformer })
  lastSeq!: number;

  @Column({ name: 'last_hash', type: 'varchar', length: 64 })
  lastHash!: string;
}
