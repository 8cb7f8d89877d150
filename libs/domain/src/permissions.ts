/**
 * The permission catalogue. Every API route names one of these (or says it is public), and the
 * admin UI hides what the signed-in staff member may not do. Values are stable identifiers
 * stored in the database: rename the key, never the value.
 */
export const Permission = {
  ClientsView: 'clients.view',
  ClientsEdit: 'clients.edit',
  UsersManage: 'users.manage',
  UsersSendResetEmail: 'users.send_reset_email',
  UsersSetPassword: 'users.set_password',
  TicketsView: 'tickets.view',
  TicketsReply: 'tickets.reply',
  ActivityView: 'activity.view',
  ActivityExport: 'activity.export',
  StaffManage: 'staff.manage',
  /** Approve or deny another staff member's request for an exception. */
  ApprovalsDecide: 'approvals.decide',
  /** Settings that change how everyone works (the assurance policy). */
  SettingsManage: 'settings.manage',
} as const;

export type Permission = (typeof Permission)[keyof typeof Permission];

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(Permission);

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (ALL_PERMISSIONS as readonly string[]).includes(value);
}

export const BuiltInRole = {
  Agent: 'Agent',
  Supervisor: 'Supervisor',
  Administrator: 'Administrator',
} as const;

export type BuiltInRole = (typeof BuiltInRole)[keyof typeof BuiltInRole];

const AGENT_PERMISSIONS: readonly Permission[] = [
  Permission.ClientsView,
  Permission.ClientsEdit,
  Permission.UsersManage,
  Permission.UsersSendResetEmail,
  Permission.UsersSetPassword,
  Permission.TicketsView,
  Permission.TicketsReply,
];

/** What each built-in role grants. Built-in roles cannot be edited or deleted. */
export const BUILT_IN_ROLE_PERMISSIONS: Readonly<Record<BuiltInRole, readonly Permission[]>> = {
  [BuiltInRole.Agent]: AGENT_PERMISSIONS,
  [BuiltInRole.Supervisor]: [
    ...AGENT_PERMISSIONS,
    Permission.ActivityView,
    Permission.ActivityExport,
    Permission.ApprovalsDecide,
  ],
  [BuiltInRole.Administrator]: ALL_PERMISSIONS,
};

export function hasPermission(granted: readonly string[], needed: Permission): boolean {
  return granted.includes(needed);
}
