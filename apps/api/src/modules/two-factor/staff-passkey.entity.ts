import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import { bigintTransformer } from '../../database/bigint.transformer';

/** A staff member's passkey: the credential's id and public key (base64url), never a secret. */
@Entity('staff_passkeys')
export class StaffPasskeyEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'staff_id', type: 'int' })
  staffId!: number;

  @Column({ name: 'credential_id', type: 'varchar', length: 512 })
  credentialId!: string;

  @Column({ name: 'public_key', type: 'text' })
  publicKey!: string;

  /** The authenticator's signature counter: one that goes back is a cloned key. */
  @Column({ type: 'bigint', transformer: bigintTransformer })
  counter!: number;

  /** Comma-separated, as the browser reported them (usb, internal, hybrid...). */
  @Column({ type: 'varchar', length: 255 })
  transports!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ name: 'created_at', type: 'bigint', transformer: bigintTransformer })
  createdAt!: number;

  @Column({ name: 'last_used_at', type: 'bigint', nullable: true, transformer: bigintTransformer })
  lastUsedAt!: number | null;
}
