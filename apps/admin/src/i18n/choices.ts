import {
  ALL_CLIENT_USER_PERMISSIONS,
  ALL_PERMISSIONS,
  ClientStatus,
  LOCALES,
  messageKeyOf,
  StaffStatus,
  TicketDepartment,
  TicketPriority,
  TicketStatus,
  UserStatus,
  type ClientUserPermission,
  type Locale,
  type Permission,
} from '@keydesk/domain';

/** A choice of a react-admin input or field; the components translate `name` themselves. */
export interface TranslatedChoice<T extends string> {
  id: T;
  name: string;
}

export function permissionLabelKey(permission: Permission | string): string {
  return `keydesk.permissions.${messageKeyOf(permission)}`;
}

export function activityActionKey(action: string): string {
  return `keydesk.activity.actions.${messageKeyOf(action)}`;
}

function choicesOf<T extends string>(values: readonly T[], prefix: string): TranslatedChoice<T>[] {
  return values.map((value) => ({ id: value, name: `${prefix}.${value}` }));
}

export const PERMISSION_CHOICES: TranslatedChoice<Permission>[] = ALL_PERMISSIONS.map((permission) => ({
  id: permission,
  name: permissionLabelKey(permission),
}));

export const STAFF_STATUS_CHOICES = choicesOf(Object.values(StaffStatus), 'keydesk.staff.status');
export const CLIENT_STATUS_CHOICES = choicesOf(Object.values(ClientStatus), 'keydesk.clients.status');
export const USER_STATUS_CHOICES = choicesOf(Object.values(UserStatus), 'keydesk.users.status');
export const LANGUAGE_CHOICES: TranslatedChoice<Locale>[] = choicesOf(LOCALES, 'keydesk.languages');
export const CLIENT_USER_PERMISSION_CHOICES: TranslatedChoice<ClientUserPermission>[] = choicesOf(
  ALL_CLIENT_USER_PERMISSIONS,
  'keydesk.client_user_permissions',
);
export const TICKET_STATUS_CHOICES = choicesOf(Object.values(TicketStatus), 'keydesk.tickets.status');
export const TICKET_PRIORITY_CHOICES = choicesOf(Object.values(TicketPriority), 'keydesk.tickets.priority');
export const TICKET_DEPARTMENT_CHOICES = choicesOf(Object.values(TicketDepartment), 'keydesk.tickets.department');
