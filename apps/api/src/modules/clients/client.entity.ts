import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import type { ClientStatus, Locale } from '@keydesk/domain';

/** A customer account. For Mexican clients the key is the RFC (the tax id). */
@Entity('clients')
export class ClientEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'client_key', type: 'varchar', length: 13 })
  clientKey!: string;

  @Column({ name: 'company_name', type: 'varchar', length: 255 })
  companyName!: string;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName!: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName!: string;

  /** The primary email: always one of the client's registered addresses. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 32, default: '' })
  phone!: string;

  @Column({ type: 'varchar', length: 2 })
  country!: string;

  /** The language of every mail and page the client's people get. */
  @Column({ type: 'varchar', length: 2, default: 'es' })
  language!: Locale;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: ClientStatus;

  /** Every user of the client signs in with a second factor, enrolling right after the password if they have none. */
  @Column({ name: 'require_two_factor', type: 'boolean', default: false })
  requireTwoFactor!: boolean;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
