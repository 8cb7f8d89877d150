/**
 * The activity-action catalogue: every audit-trail entry carries one of these. Values are stored,
 * so they never change once released. Later modules add theirs here, never as free strings.
 */
export const ActivityAction = {
  StaffSignedIn: 'staff.signed_in',
  StaffSignInFailed: 'staff.sign_in_failed',
  StaffLockedOut: 'staff.locked_out',
  StaffSignedOut: 'staff.signed_out',
  StaffSessionExpired: 'staff.session_expired',
  StaffCreated: 'staff.created',
  StaffUpdated: 'staff.updated',
  StaffDisabled: 'staff.disabled',
  StaffEnabled: 'staff.enabled',
  StaffPasswordChanged: 'staff.password_changed',
  StaffPasswordReset: 'staff.password_reset',
  /** A staff member enrolled a second factor (details: which). */
  StaffSecondFactorAdded: 'staff.second_factor_added',
  StaffSecondFactorRemoved: 'staff.second_factor_removed',
  StaffRecoveryCodesRenewed: 'staff.recovery_codes_renewed',
  StaffRecoveryCodeUsed: 'staff.recovery_code_used',
  /** An administrator (or the command line) reset another staff member's factors, with a reason. */
  StaffSecondFactorsReset: 'staff.second_factors_reset',
  /** A staff member proved a factor again (or the password, where none is required) before a sensitive action. */
  StaffSteppedUp: 'staff.stepped_up',
  /** A wrong second factor at sign-in or step-up (never the code). */
  StaffSecondFactorFailed: 'staff.second_factor_failed',
  RoleCreated: 'role.created',
  RoleUpdated: 'role.updated',
  RoleDeleted: 'role.deleted',
  SystemBootstrapped: 'system.bootstrapped',
  ClientCreated: 'client.created',
  ClientUpdated: 'client.updated',
  ContactCreated: 'contact.created',
  ContactUpdated: 'contact.updated',
  ContactDeleted: 'contact.deleted',
  UserCreated: 'user.created',
  UserUpdated: 'user.updated',
  UserAssociated: 'user.associated',
  UserDissociated: 'user.dissociated',
  UserAssociationUpdated: 'user.association_updated',
  ClientOwnerChanged: 'client.owner_changed',
  TicketOpened: 'ticket.opened',
  TicketReplied: 'ticket.replied',
  TicketNoteAdded: 'ticket.note_added',
  TicketUpdated: 'ticket.updated',
  NoteAdded: 'note.added',
  NoteEdited: 'note.edited',
  EmailResent: 'email.resent',
  UserPasswordResetEmailSent: 'user.password_reset_email_sent',
  UserPasswordResetCompleted: 'user.password_reset_completed',
  /** "Change password" on the Manage user page: a temporary password sent through a ticket. */
  UserPasswordSet: 'user.password_set',
  /** The customer pressed "Reveal" on the view-once link. */
  UserPasswordRevealed: 'user.password_revealed',
  UserSignedIn: 'user.signed_in',
  UserSignInFailed: 'user.sign_in_failed',
  UserLockedOut: 'user.locked_out',
  UserSignedOut: 'user.signed_out',
  /** The customer chose a password in the client area (forced after a temporary one, or by choice). */
  UserPasswordChanged: 'user.password_changed',
  /** Someone asked for a rescue code with a client key and user name (matched or not). */
  UserRescueCodeRequested: 'user.rescue_code_requested',
  /** The code was mailed (to how many addresses, not which). */
  UserRescueCodeSent: 'user.rescue_code_sent',
  /** A wrong, used or voided code was typed. */
  UserRescueCodeFailed: 'user.rescue_code_failed',
  /** The right code, typed after it expired. */
  UserRescueCodeExpired: 'user.rescue_code_expired',
  /** The code was used: a new password was mailed, or the customer chose one. */
  UserRescueCodeRedeemed: 'user.rescue_code_redeemed',
  /** A user's email changed (by staff, or by the customer in the client area); both addresses were told. */
  UserEmailChanged: 'user.email_changed',
  /** The customer pressed "This wasn't me" in a notice: the user is locked until staff unlock it. */
  UserChangeReported: 'user.change_reported',
  /** A staff member lifted a customer's lock, with a reason. */
  UserUnlocked: 'user.unlocked',
  /** Staff lifted the wait on an address they set (a verified caller, or an approval), with a reason. */
  UserEmailHoldLifted: 'user.email_hold_lifted',
  /** An agent sent a caller code to one of the user's addresses on file (which kind, masked; never the code). */
  UserCallerCodeSent: 'user.caller_code_sent',
  /** The caller read the code back: the agent may act for them for CALLER_VERIFICATION_MINUTES. */
  UserCallerVerified: 'user.caller_verified',
  /** A wrong caller code was typed (how many tries are left). */
  UserCallerCodeFailed: 'user.caller_code_failed',
  /** An agent asked a second person to allow one action on one user or staff member. */
  ApprovalRequested: 'approval.requested',
  ApprovalApproved: 'approval.approved',
  ApprovalDenied: 'approval.denied',
  /** The action the approval allowed was taken. */
  ApprovalUsed: 'approval.used',
  /** Not decided, or not used, in time. */
  ApprovalExpired: 'approval.expired',
  /** An administrator changed which actions need a verified caller. */
  SettingsAssuranceChanged: 'settings.assurance_changed',
  /** A customer enrolled a second factor in the client area (details: which). */
  UserSecondFactorAdded: 'user.second_factor_added',
  UserSecondFactorRemoved: 'user.second_factor_removed',
  UserRecoveryCodesRenewed: 'user.recovery_codes_renewed',
  UserRecoveryCodeUsed: 'user.recovery_code_used',
  /** Staff removed every factor of a customer: a verified caller, an approval, a reason and a ticket. */
  UserSecondFactorsRemoved: 'user.second_factors_removed',
  /** A wrong second factor at sign-in or in a recovery (never the code). */
  UserSecondFactorFailed: 'user.second_factor_failed',
  /** An administrator made an API token (its name, permissions and expiry; never the token). */
  ApiTokenCreated: 'api_token.created',
  ApiTokenRevoked: 'api_token.revoked',
  /** An administrator registered a webhook (its address and events; never its secret). */
  WebhookCreated: 'webhook.created',
  WebhookRemoved: 'webhook.removed',
  /** The mail worker handed a mail to the mail server (the customer's timeline shows it). */
  EmailSent: 'email.sent',
  /** A supervisor marked entries or a period as reviewed, with a comment. */
  ActivityReviewed: 'activity.reviewed',
  /** Someone exported the activity log (the filters and format, not the rows). */
  ActivityExported: 'activity.exported',
  /** Entries past the retention were moved to the archive behind a signed checkpoint. */
  ActivityArchived: 'activity.archived',
} as const;

export type ActivityAction = (typeof ActivityAction)[keyof typeof ActivityAction];

export const ALL_ACTIVITY_ACTIONS: readonly ActivityAction[] = Object.values(ActivityAction);

/** Who did it: a staff member, a customer's user, or Keydesk itself (CLI, bootstrap, workers). */
export const ActorType = {
  Staff: 'staff',
  User: 'user',
  System: 'system',
} as const;

export type ActorType = (typeof ActorType)[keyof typeof ActorType];

/** What an entry is about. */
export const SubjectType = {
  Staff: 'staff',
  Role: 'role',
  Client: 'client',
  User: 'user',
  Ticket: 'ticket',
  Contact: 'contact',
  Note: 'note',
  Email: 'email',
  System: 'system',
} as const;

export type SubjectType = (typeof SubjectType)[keyof typeof SubjectType];
