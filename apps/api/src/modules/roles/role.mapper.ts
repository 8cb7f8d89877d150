import { ALL_PERMISSIONS, RoleResponse } from '@keydesk/domain';

import { RoleEntity } from './role.entity';

export function toRoleResponse(role: RoleEntity, staffCount: number): RoleResponse {
  const granted = new Set((role.grants ?? []).map((grant) => grant.permission));
  return {
    id: role.id,
    name: role.name,
    description: role.description,
    builtIn: role.builtIn,
    permissions: ALL_PERMISSIONS.filter((permission) => granted.has(permission)),
    staffCount,
  };
}
