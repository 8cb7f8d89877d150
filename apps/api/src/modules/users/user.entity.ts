import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import type { CredentialWay, UserLockReason, UserStatus } from '@keydesk/domain';

/** A login identity of the client area (as in WHMCS 8); may belong to several clients. */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName!: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName!: string;

  /** argon2id; null until the user sets or is given a password. Never leaves the api. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: UserStatus;

  @Column({ name: 'last_login_at', type: 'datetime', nullable: true })
  lastLoginAt!: Date | null;

  @Column({ name: 'last_login_ip', type: 'varchar', length: 45, nullable: true })
  lastLoginIp!: string | null;

  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @Column({ name: 'password_changed_at', type: 'datetime', nullable: true })
  passwordChangedAt!: Date | null;

  /** Set with a temporary password: after it, the password no longer signs in. */
  @Column({ name: 'password_expires_at', type: 'datetime', nullable: true })
  passwordExpiresAt!: Date | null;

  /** When staff or the customer last changed the email; null for the address the user was created with. */
  @Column({ name: 'email_changed_at', type: 'datetime', nullable: true })
  emailChangedAt!: Date | null;

  /** CredentialWay.Staff or .Customer: an address staff set waits before a password goes to it. */
  @Column({ name: 'email_changed_by', type: 'varchar', length: 16, nullable: true })
  emailChangedBy!: CredentialWay | null;

  /** When staff lifted the wait on an address they set (after verifying the caller, or with an approval). */
  @Column({ name: 'email_hold_lifted_at', type: 'datetime', nullable: true })
  emailHoldLiftedAt!: Date | null;

  /** Set when the customer said a change was not theirs: nothing signs in until staff unlock. */
  @Column({ name: 'locked_at', type: 'datetime', nullable: true })
  lockedAt!: Date | null;

  @Column({ name: 'lock_reason', type: 'varchar', length: 32, nullable: true })
  lockReason!: UserLockReason | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
