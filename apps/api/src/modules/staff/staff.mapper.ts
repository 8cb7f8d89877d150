import { ALL_PERMISSIONS, Permission, SessionStaff, StaffResponse } from '@keydesk/domain';

import { StaffEntity } from './staff.entity';

/** Explicit mappers: the password hash has no way into a response. */
export function toStaffResponse(staff: StaffEntity, lockedUntil: number | null = null): StaffResponse {
  return {
    id: staff.id,
    username: staff.username,
    email: staff.email,
    displayName: staff.displayName,
    status: staff.status,
    roleIds: (staff.roles ?? []).map((role) => role.id).sort((a, b) => a - b),
    lastLoginAt: staff.lastLoginAt?.toISOString() ?? null,
    lockedUntil: lockedUntil ? new Date(lockedUntil).toISOString() : null,
    createdAt: staff.createdAt.toISOString(),
    updatedAt: staff.updatedAt.toISOString(),
  };
}

/** The signed-in staff member with the union of their roles' permissions, in catalogue order. */
export function toSessionStaff(staff: StaffEntity): SessionStaff {
  const granted = new Set<Permission>();
  for (const role of staff.roles ?? []) for (const grant of role.grants ?? []) granted.add(grant.permission);
  return {
    id: staff.id,
    username: staff.username,
    email: staff.email,
    displayName: staff.displayName,
    roles: (staff.roles ?? []).map((role) => ({ id: role.id, name: role.name })),
    permissions: ALL_PERMISSIONS.filter((permission) => granted.has(permission)),
  };
}

/** A row of StaffRepository.findActiveSessionStaff: the staff member once per role and permission. */
export interface SessionStaffRow {
  id: number;
  username: string;
  email: string;
  displayName: string;
  roleId: number | null;
  roleName: string | null;
  permission: Permission | null;
}

/** The same SessionStaff as toSessionStaff, from the flat rows of one join. */
export function toSessionStaffFromRows(rows: SessionStaffRow[]): SessionStaff {
  const [first] = rows;
  const roles = new Map<number, string>();
  const granted = new Set<Permission>();
  for (const row of rows) {
    if (row.roleId !== null && row.roleName !== null) roles.set(Number(row.roleId), row.roleName);
    if (row.permission !== null) granted.add(row.permission);
  }
  return {
    id: Number(first.id),
    username: first.username,
    email: first.email,
    displayName: first.displayName,
    // In role order here rather than by ORDER BY: sorting the joined rows cost MariaDB a temporary
    // table and a filesort on every signed-in request (a fifth of the session lookup's CPU).
    roles: [...roles].sort(([a], [b]) => a - b).map(([id, name]) => ({ id, name })),
    permissions: ALL_PERMISSIONS.filter((permission) => granted.has(permission)),
  };
}
