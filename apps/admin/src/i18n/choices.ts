import {
  ALL_ASSURED_ACTIONS,
  ALL_WEBHOOK_EVENTS,
  API_TOKEN_PERMISSIONS,
  ALL_CLIENT_USER_PERMISSIONS,
  ApprovalState,
  CALLER_CHECKED_ACTIONS,
  ALL_PERMISSIONS,
  ClientStatus,
  LOCALES,
  messageKeyOf,
  StaffStatus,
  TicketDepartment,
  TicketPriority,
  TicketStatus,
  UserStatus,
  type AssuredAction,
  type ClientUserPermission,
  type Locale,
  type Permission,
  type WebhookEvent,
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

/** The one label of an action an approval can allow, shared by the dialogs, the Approvals screen and the policy. */
export function assuredActionKey(action: AssuredAction | string): string {
  return `keydesk.assured_actions.${messageKeyOf(action)}`;
}

/** The one label of a webhook event, in the register dialog and on each delivery. */
export function webhookEventKey(event: WebhookEvent | string): string {
  return `keydesk.integrations.webhooks.events.${messageKeyOf(event)}`;
}

function choicesOf<T extends string>(values: readonly T[], prefix: string): TranslatedChoice<T>[] {
  return values.map((value) => ({ id: value, name: `${prefix}.${value}` }));
}

export const PERMISSION_CHOICES: TranslatedChoice<Permission>[] = ALL_PERMISSIONS.map((permission) => ({
  id: permission,
  name: permissionLabelKey(permission),
}));

/** What a token may hold: the catalogue without what takes a person, by the same labels as roles. */
export const API_TOKEN_PERMISSION_CHOICES = PERMISSION_CHOICES.filter((choice) =>
  API_TOKEN_PERMISSIONS.includes(choice.id),
);
export const WEBHOOK_EVENT_CHOICES: TranslatedChoice<WebhookEvent>[] = ALL_WEBHOOK_EVENTS.map((event) => ({
  id: event,
  name: webhookEventKey(event),
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
export const ASSURED_ACTION_CHOICES: TranslatedChoice<AssuredAction>[] = ALL_ASSURED_ACTIONS.map((action) => ({
  id: action,
  name: assuredActionKey(action),
}));
export const CALLER_CHECKED_ACTION_CHOICES = ASSURED_ACTION_CHOICES.filter((choice) =>
  (CALLER_CHECKED_ACTIONS as readonly string[]).includes(choice.id),
);
export const APPROVAL_STATE_CHOICES = choicesOf(Object.values(ApprovalState), 'keydesk.approvals.states');
