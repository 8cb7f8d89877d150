/**
 * The customer side: clients (the customer accounts), their users (login identities, as in
 * WHMCS 8), contacts and tickets. Values are stored: never change one once released.
 */
export const ClientStatus = { Active: 'active', Inactive: 'inactive', Closed: 'closed' } as const;
export type ClientStatus = (typeof ClientStatus)[keyof typeof ClientStatus];

export const UserStatus = { Active: 'active', Disabled: 'disabled' } as const;
export type UserStatus = (typeof UserStatus)[keyof typeof UserStatus];

/** What a user may do within one client's account (per association), as WHMCS offers it. */
export const ClientUserPermission = {
  Profile: 'profile',
  Contacts: 'contacts',
  Products: 'products',
  ManageProducts: 'manage_products',
  Invoices: 'invoices',
  Tickets: 'tickets',
  Emails: 'emails',
  Users: 'users',
} as const;
export type ClientUserPermission = (typeof ClientUserPermission)[keyof typeof ClientUserPermission];
export const ALL_CLIENT_USER_PERMISSIONS: readonly ClientUserPermission[] = Object.values(ClientUserPermission);

export const TicketStatus = {
  Open: 'open',
  Answered: 'answered',
  CustomerReply: 'customer_reply',
  OnHold: 'on_hold',
  Closed: 'closed',
} as const;
export type TicketStatus = (typeof TicketStatus)[keyof typeof TicketStatus];

export const TicketPriority = { Low: 'low', Medium: 'medium', High: 'high', Urgent: 'urgent' } as const;
export type TicketPriority = (typeof TicketPriority)[keyof typeof TicketPriority];

export const TicketDepartment = {
  Support: 'support',
  Billing: 'billing',
  Sales: 'sales',
  Technical: 'technical',
} as const;
export type TicketDepartment = (typeof TicketDepartment)[keyof typeof TicketDepartment];

/** Who wrote a ticket message. Internal notes are staff-only and never reach the customer. */
export const MessageAuthorType = { Staff: 'staff', Customer: 'customer', System: 'system' } as const;
export type MessageAuthorType = (typeof MessageAuthorType)[keyof typeof MessageAuthorType];

export const COUNTRIES = ['MX', 'CO', 'US', 'ES', 'AR', 'CL', 'PE'] as const;
