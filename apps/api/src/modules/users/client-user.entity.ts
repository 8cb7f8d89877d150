import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import type { ClientUserPermission } from '@keydesk/domain';

import { ClientEntity } from '../clients/client.entity';
import { UserEntity } from './user.entity';

/** A user's membership of one client: a user name unique within the client, owner flag, rights. */
@Entity('client_users')
export class ClientUserEntity {
  @PrimaryColumn({ name: 'client_id', type: 'int' })
  clientId!: number;

  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'boolean', default: false })
  owner!: boolean;

  @Column({ type: 'simple-array' })
  permissions!: ClientUserPermission[];

  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: ClientEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
