/**
 * Knowing who is asking: an agent verifies a caller with a code mailed to an address on file
 * before changing where access goes, and every exception (no verified caller, too many password
 * actions, a staff member's factors reset) needs a second person's approval. Shared by the api
 * (rules) and the admin UI (dialogs, the Approvals screen, the policy page).
 */

/** The actions an approval can allow; the policy names those of them that need a verified caller. */
export const AssuredAction = {
  /** A password the agent typed (dictated over the phone). */
  PasswordTyped: 'user.password_typed',
  /** A temporary password Keydesk generated and sent through the ticket. */
  PasswordGenerated: 'user.password_generated',
  /** A reset link mailed to the user's address on file. */
  ResetLink: 'user.reset_link',
  EmailChange: 'user.email_change',
  /** Ending the wait before a reset link or temporary password may go to an address staff just set. */
  EmailHoldLift: 'user.email_hold_lift',
  SecondFactorRemoval: 'user.second_factor_removal',
  /** A password action past the limits (per user per day, per agent per hour). */
  PasswordActionOverLimit: 'user.password_action_over_limit',
  /** An administrator resets another staff member's second factors. */
  StaffFactorsReset: 'staff.factors_reset',
} as const;
export type AssuredAction = (typeof AssuredAction)[keyof typeof AssuredAction];

export const ALL_ASSURED_ACTIONS: readonly AssuredAction[] = Object.values(AssuredAction);

/** What the policy can ask a verified caller for (the other two always need an approval). */
export type CallerCheckedAction = Exclude<
  AssuredAction,
  typeof AssuredAction.PasswordActionOverLimit | typeof AssuredAction.StaffFactorsReset
>;
export const CALLER_CHECKED_ACTIONS: readonly CallerCheckedAction[] = [
  AssuredAction.PasswordTyped,
  AssuredAction.PasswordGenerated,
  AssuredAction.ResetLink,
  AssuredAction.EmailChange,
  AssuredAction.EmailHoldLift,
  AssuredAction.SecondFactorRemoval,
];

export function isCallerCheckedAction(value: unknown): value is CallerCheckedAction {
  return (CALLER_CHECKED_ACTIONS as readonly unknown[]).includes(value);
}

/** GET/PUT /api/settings/assurance */
export interface AssurancePolicy {
  /** The actions an agent takes only for a caller verified within CALLER_VERIFICATION_MINUTES (or with an approval). */
  verifiedCallerFor: CallerCheckedAction[];
}

/** A reset link goes to an address on file, so by default it does not ask for a verified caller. */
export const DEFAULT_ASSURANCE_POLICY: AssurancePolicy = {
  verifiedCallerFor: [
    AssuredAction.PasswordTyped,
    AssuredAction.EmailChange,
    AssuredAction.EmailHoldLift,
    AssuredAction.SecondFactorRemoval,
  ],
};

/** The caller's code: six digits, ten minutes, one use, five tries (OWASP MFA cheat sheet, NIST 800-63B rev. 4 §3.1.3). */
export const CALLER_CODE = { digits: 6, validMinutes: 10, tries: 5 } as const;

/** Defaults of the configurable numbers (README: CALLER_VERIFICATION_MINUTES, APPROVAL_MINUTES). */
export const ASSURANCE_DEFAULTS = {
  /** How long a confirmed verification counts, for that agent and that user. */
  verificationMinutes: 15,
  /** How long an approved request may be used, from its approval. */
  approvalMinutes: 30,
  /** How long a request waits for a decision before it expires. */
  pendingHours: 24,
} as const;

/** More password actions than this on one user within 24 hours need an approval. */
export const USER_PASSWORD_ACTIONS_PER_DAY = 3;

export const VerificationMethod = {
  /** A code mailed to an address on file, read back by the caller. */
  EmailCode: 'email_code',
  /** A code from the customer's authenticator app (when they have one in the client area). */
  AppCode: 'app_code',
} as const;
export type VerificationMethod = (typeof VerificationMethod)[keyof typeof VerificationMethod];

/** Where an address on file comes from. */
export const VerificationAddressKind = {
  /** The user's own email. */
  User: 'user',
  /** A client's primary email. */
  Client: 'client',
  /** A client's contact that receives account and security mail. */
  Contact: 'contact',
} as const;
export type VerificationAddressKind = (typeof VerificationAddressKind)[keyof typeof VerificationAddressKind];

export interface VerificationAddress {
  address: string;
  kind: VerificationAddressKind;
}

/** GET /api/users/:id/verification: the signed-in agent's state for that user. */
export interface CallerVerificationState {
  verifiedUntil: string | null;
  method: VerificationMethod | null;
  /** The ticket the verification was started from, if any. */
  ticketId: number | null;
  /** The addresses a code may be sent to. */
  addresses: VerificationAddress[];
  /** A code sent and not yet confirmed, still valid. */
  pending: StartedVerification | null;
  /** The customer has an authenticator app: the caller may read its current code instead. */
  appAvailable: boolean;
}

/** POST /api/users/:id/verifications → 201 */
export interface StartedVerification {
  id: number;
  expiresAt: string;
  /** The address, masked: "m•••@example.com". */
  sentTo: string;
}

/** POST /api/users/:id/verifications/:vid/confirm */
export interface ConfirmedVerification {
  verifiedUntil: string;
  method: VerificationMethod;
}

/** GET /api/me/caller-verifications: the agent's verifications that still count, for lists (the Users tab). */
export interface ActiveVerification {
  userId: number;
  verifiedUntil: string;
  method: VerificationMethod;
  ticketId: number | null;
}

/** "maria@example.com" → "m•••@example.com": enough for the agent to say which, not to read it out. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${address[0]}•••${address.slice(at)}`;
}

export const ApprovalState = {
  Pending: 'pending',
  Approved: 'approved',
  Denied: 'denied',
  /** Approved, then used by the action it allowed. */
  Used: 'used',
  /** Not decided within a day, or approved and not used within APPROVAL_MINUTES. */
  Expired: 'expired',
} as const;
export type ApprovalState = (typeof ApprovalState)[keyof typeof ApprovalState];

export const ApprovalDecision = { Approve: 'approve', Deny: 'deny' } as const;
export type ApprovalDecision = (typeof ApprovalDecision)[keyof typeof ApprovalDecision];

/** GET /api/approvals, POST /api/approvals (201) and POST /api/approvals/:id/decision. */
export interface ApprovalResponse {
  id: number;
  action: AssuredAction;
  /** The customer's user it is about (user.* actions) or the staff member (staff.*). */
  userId: number | null;
  staffId: number | null;
  subjectName: string;
  reason: string;
  ticketId: number | null;
  state: ApprovalState;
  requestedBy: { id: number; name: string };
  requestedAt: string;
  decidedBy: { id: number; name: string } | null;
  decidedAt: string | null;
  comment: string | null;
  /** Approved: until when it may be used; pending: until when it may be decided. */
  expiresAt: string;
  usedAt: string | null;
}

/** What the Approvals screen warns the decider of (GET /api/approvals/:id). */
export const ApprovalFlagKind = {
  /** The user's password actions in the last 24 hours (with this one, over the limit). */
  UserPasswordActions: 'user_password_actions',
  /** The requester's password actions in the last hour, past ACTIVITY_BURST_THRESHOLD. */
  AgentBurst: 'agent_burst',
  /** The customer reported a change as not theirs in the last 30 days. */
  ReportedByCustomer: 'reported_by_customer',
  UserLocked: 'user_locked',
  /** The user's email was set by staff within NEW_EMAIL_HOLD_HOURS. */
  EmailRecentlyChanged: 'email_recently_changed',
  /** The requester's requests denied in the last 30 days. */
  RequesterDenied: 'requester_denied',
} as const;
export type ApprovalFlagKind = (typeof ApprovalFlagKind)[keyof typeof ApprovalFlagKind];

export interface ApprovalFlag {
  kind: ApprovalFlagKind;
  count?: number;
  limit?: number;
  at?: string;
}

export interface ApprovalDetailResponse extends ApprovalResponse {
  flags: ApprovalFlag[];
}

/** GET /api/activity/approvals?from&to: the dashboard's approvals per requesting agent. */
export interface ApprovalStatsRow {
  staffId: number;
  staffName: string;
  requested: number;
  approved: number;
  denied: number;
  used: number;
  expired: number;
}
