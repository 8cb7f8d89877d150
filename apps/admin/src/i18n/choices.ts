import { ALL_PERMISSIONS, StaffStatus, type Permission } from '@keydesk/domain';

/** A choice of a react-admin input or field; the components translate `name` themselves. */
export interface TranslatedChoice<T extends string> {
  id: T;
  name: string;
}

/**
 * Permission values contain dots ("clients.view"), which polyglot would read as nesting; the
 * translations are keyed by the same value with underscores instead.
 */
export function permissionLabelKey(permission: Permission | string): string {
  return `keydesk.permissions.${permission.replaceAll('.', '_')}`;
}

export const PERMISSION_CHOICES: TranslatedChoice<Permission>[] = ALL_PERMISSIONS.map((permission) => ({
  id: permission,
  name: permissionLabelKey(permission),
}));

export const STAFF_STATUS_CHOICES: TranslatedChoice<StaffStatus>[] = Object.values(StaffStatus).map(
  (status) => ({ id: status, name: `keydesk.staff.status.${status}` }),
);
