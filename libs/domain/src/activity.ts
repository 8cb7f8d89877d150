/**
 * The activity log as supervisors use it (the audit trail's reading side): filters, detail,
 * reviews, the password-action dashboard, anomalies and the chain's integrity.
 */
import { ActivityAction } from './activity-actions';
import type { ActivityEntryResponse } from './customer-types';

/** `filter={...}` of GET /api/activity and /api/activity/export; every field optional. */
export interface ActivityFilter {
  clientId?: number;
  /** Entries about the customer user, or done by them (sign-ins, rescue codes). */
  userId?: number;
  /** Entries done by this staff member. */
  staffId?: number;
  /** One action or several. */
  action?: ActivityAction | ActivityAction[];
  /** ISO date-times; `to` is exclusive. */
  from?: string;
  to?: string;
  ip?: string;
  /** Free text over the actor's and the subject's names and the action. */
  q?: string;
}

/** The actions that change a customer's password or send them the means to: the dashboard counts these. */
export const PASSWORD_ACTIONS: readonly ActivityAction[] = [
  ActivityAction.UserPasswordResetEmailSent,
  ActivityAction.UserPasswordSet,
];

/**
 * Sets of actions the trail indexes as one: audit_log.action_group is computed from the action, so a
 * filter on exactly such a set (the dashboard's "password actions", one agent's or everyone's)
 * reads one index range rather than one per action. Changing a set takes a migration that
 * redefines the column.
 */
export const ACTIVITY_ACTION_GROUPS: Readonly<Record<string, readonly ActivityAction[]>> = {
  password: PASSWORD_ACTIONS,
};

/** The group whose actions are exactly these, if any. */
export function activityActionGroupOf(actions: readonly ActivityAction[]): string | undefined {
  const asked = new Set(actions);
  return Object.keys(ACTIVITY_ACTION_GROUPS).find((group) => {
    const members = ACTIVITY_ACTION_GROUPS[group];
    return members.length === asked.size && members.every((action) => asked.has(action));
  });
}

/** A row of the activity list, with whether a supervisor reviewed it. */
export interface ActivityListEntry extends ActivityEntryResponse {
  reviewed: boolean;
}

/** GET /api/activity/:id */
export interface ActivityDetailResponse extends ActivityListEntry {
  userAgent: string | null;
  /** `details.changes` as rows: the fields that changed, before and after (never a secret). */
  changes: Array<{ field: string; from: unknown; to: unknown }>;
  /** The reviews that cover this entry, oldest first. */
  reviews: Array<{ id: string; reviewerName: string; comment: string; reviewedAt: string }>;
  /** The customer said this change was not theirs ("This wasn't me"): the report's entry. */
  reportedByCustomer: { entryId: string; reportedAt: string } | null;
}

/** POST /api/activity/reviews: either entries by id, or a period (with the list's filters). */
export interface ActivityReviewRequest {
  entryIds?: string[];
  from?: string;
  to?: string;
  comment: string;
}

export interface ActivityReviewResponse {
  /** The review's own audit entry. */
  id: string;
  seq: number;
  /** How many entries it covers (for a period, those in it when it was made). */
  covered: number;
}

/** GET /api/activity/verify */
export interface ActivityVerifyResponse {
  ok: boolean;
  checked: number;
  firstBroken: null | { seq: number; id: string | null };
  /** The signed checkpoint the check started from, when older entries were archived. */
  checkpoint: null | { lastSeq: number; archivedAt: string };
  /** When the walk ended: GET /verify walks now; /verify/latest answers the last walk (every few hours by itself). */
  verifiedAt: string;
}

/** GET /api/activity/stats?from&to: password actions per agent per day. */
export interface PasswordActionStatsRow {
  day: string;
  staffId: string | null;
  staffName: string;
  action: ActivityAction;
  count: number;
}

export const AnomalyKind = {
  /** One agent did more password actions within an hour than ACTIVITY_BURST_THRESHOLD. */
  Burst: 'burst',
  /** A password action on a user who had signed in successfully shortly before. */
  RecentSignIn: 'recent_sign_in',
  /** The customer said a change was not theirs ("This wasn't me"): the change and the report. */
  ReportedByCustomer: 'reported_by_customer',
  /** More than USER_PASSWORD_ACTIONS_PER_DAY password actions on one user within 24 hours (each past the third took an approval). */
  UserPasswordActions: 'user_password_actions',
  /** A supervisor denied an agent's request for an exception: worth a look at what the agent was asked. */
  ApprovalDenied: 'approval_denied',
} as const;
export type AnomalyKind = (typeof AnomalyKind)[keyof typeof AnomalyKind];

/** GET /api/activity/anomalies?from&to */
export interface ActivityAnomaly {
  kind: AnomalyKind;
  staffId: string | null;
  staffName: string;
  /** The entries behind the flag. */
  entryIds: string[];
  /** Burst: the hour it starts and how many; recent sign-in: the user and how long before. */
  hourStart?: string;
  count?: number;
  threshold?: number;
  userId?: string;
  minutesAfterSignIn?: number;
  /** Approval denied: the action that was asked for. */
  approvalAction?: string;
  /** Reported by the customer: what changed (password, email) and when the report came. */
  change?: string;
  reportedAt?: string;
  /** Every entry behind the flag was reviewed. */
  reviewed: boolean;
}

/** Defaults of the anomaly rules (ACTIVITY_BURST_THRESHOLD, ACTIVITY_RECENT_SIGN_IN_MINUTES). */
export const ACTIVITY_ANOMALY_DEFAULTS = {
  burstPerHour: 10,
  recentSignInMinutes: 15,
} as const;

/** GET /api/activity/staff: every staff member the log may name (disabled ones too), for the filter. */
export interface ActivityStaffOption {
  id: number;
  displayName: string;
}
