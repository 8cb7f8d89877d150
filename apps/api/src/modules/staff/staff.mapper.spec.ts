import { describe, expect, it } from 'vitest';

import { ALL_PERMISSIONS, Permission } from '@keydesk/domain';

import { SessionStaffRow, toSessionStaffFromRows } from './staff.mapper';

describe('toSessionStaffFromRows', () => {
  const staff = { id: 7, username: 'paola', email: 'paola@example.com', displayName: 'Paola Soporte' };
  const row = (roleId: number | null, roleName: string | null, permission: Permission | null): SessionStaffRow => ({
    ...staff,
    roleId,
    roleName,
    permission,
  });

  it('answers roles in id order and each permission once in catalogue order, whatever order the join hands the rows in', () => {
    const [first, second] = ALL_PERMISSIONS;
    const rows = [
      row(9, 'Supervisor', second),
      row(3, 'Agent', first),
      row(9, 'Supervisor', first),
      row(3, 'Agent', second),
    ];
    expect(toSessionStaffFromRows(rows)).toEqual({
      ...staff,
      roles: [
        { id: 3, name: 'Agent' },
        { id: 9, name: 'Supervisor' },
      ],
      permissions: [first, second],
    });
  });

  it('answers a staff member without roles with none and no permissions', () => {
    expect(toSessionStaffFromRows([row(null, null, null)])).toEqual({ ...staff, roles: [], permissions: [] });
  });
});
