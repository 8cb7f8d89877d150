import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import type { Permission } from '@keydesk/domain';

import { RoleEntity } from './role.entity';

@Entity('role_permissions')
export class RolePermissionEntity {
  @PrimaryColumn({ name: 'role_id', type: 'int' })
  roleId!: number;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  permission!: Permission;

  @ManyToOne(() => RoleEntity, (role) => role.grants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'role_id' })
  role?: RoleEntity;
}
