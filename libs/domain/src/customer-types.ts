/** Response shapes of the customer side of the API, shared by the api's mappers and the admin UI. */
import type { ActivityAction, ActorType, SubjectType } from './activity-actions';
import type { UserLockReason } from './credentials';
import type { CustomerFactor, UserTwoFactorResponse } from './customer-two-factor';
import type {
  ClientStatus,
  ClientUserPermission,
  MessageAuthorType,
  TicketDepartment,
  TicketPriority,
  TicketStatus,
  UserStatus,
} from './customers';
import type { Locale } from './types';

export interface ClientResponse {
  id: number;
  clientKey: string;
  companyName: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  country: string;
  language: Locale;
  status: ClientStatus;
  /** Every user of the client signs in with a second factor (PUT /api/clients/:id/two-factor). */
  requireTwoFactor: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A row of a client's Users tab: the user plus their membership of this client. */
export interface ClientUserResponse {
  /** The user's id (react-admin's record id). */
  id: number;
  clientId: number;
  email: string;
  firstName: string;
  lastName: string;
  username: string;
  owner: boolean;
  permissions: ClientUserPermission[];
  status: UserStatus;
  lastLoginAt: string | null;
  lockedAt: string | null;
  /** In the Users tab's list (GET /api/clients/:id/users): the factors the user signs in with; empty for none. */
  twoFactorMethods?: CustomerFactor[];
}

export interface UserMembershipResponse {
  clientId: number;
  clientKey: string;
  companyName: string;
  username: string;
  owner: boolean;
  permissions: ClientUserPermission[];
}

export interface UserResponse {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  status: UserStatus;
  lastLoginAt: string | null;
  lastLoginIp: string | null;
  mustChangePassword: boolean;
  passwordChangedAt: string | null;
  /** When the temporary password an agent set stops working; null for a password the user chose. */
  temporaryPasswordExpiresAt: string | null;
  /** Set when the customer said a change was not theirs: nothing signs in until staff unlock. */
  lockedAt: string | null;
  lockReason: UserLockReason | null;
  /** Until when no reset link or temporary password may go to the address staff just set; null when none waits. */
  emailHoldUntil: string | null;
  /** The factors the user signs in with (with their last use), and whether a client of theirs requires one. */
  twoFactor: UserTwoFactorResponse;
  createdAt: string;
  updatedAt: string;
  clients: UserMembershipResponse[];
}

export interface UserSignInResponse {
  id: number;
  clientId: number | null;
  occurredAt: string;
  ip: string | null;
  userAgent: string | null;
  succeeded: boolean;
}

export interface ContactResponse {
  id: number;
  clientId: number;
  firstName: string;
  lastName: string;
  email: string;
  receivesSecurityEmails: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NoteResponse {
  id: number;
  clientId: number;
  staffId: number | null;
  authorName: string;
  body: string;
  sticky: boolean;
  /** True when the asking staff member wrote it (only authors edit their notes). */
  editable: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface TicketResponse {
  id: number;
  clientId: number;
  companyName: string;
  userId: number | null;
  subject: string;
  department: TicketDepartment;
  priority: TicketPriority;
  status: TicketStatus;
  assignedStaffId: number | null;
  lastReplyAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface TicketMessageResponse {
  id: number;
  ticketId: number;
  authorType: MessageAuthorType;
  authorName: string;
  body: string;
  internal: boolean;
  createdAt: string;
}

/** An audit-trail entry as the Log tab and the latest-activity list show it (never a secret). */
export interface ActivityEntryResponse {
  id: string;
  seq: number;
  occurredAt: string;
  actorType: ActorType;
  actorId: string | null;
  actorName: string;
  action: ActivityAction;
  subjectType: SubjectType | null;
  subjectId: string | null;
  subjectName: string | null;
  clientId: number | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** The profile's Summary tab in one request. */
export interface ClientSummaryResponse {
  client: ClientResponse;
  owner: ClientUserResponse | null;
  /** The primary email and the contacts that receive account and security emails, deduplicated. */
  registeredAddresses: string[];
  openTickets: TicketResponse[];
  stickyNotes: NoteResponse[];
  latestActivity: ActivityEntryResponse[];
}
