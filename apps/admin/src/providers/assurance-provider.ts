import type {
  ActiveVerification,
  ApprovalDecision,
  ApprovalResponse,
  ApprovalStatsRow,
  AssurancePolicy,
  AssuredAction,
  CallerVerificationState,
  ConfirmedVerification,
  StartedVerification,
  UserResponse,
} from '@keydesk/domain';
import type { Identifier } from 'react-admin';

import type { ActivityPeriod } from './activity-provider';
import { API_URL, httpClient } from './http-client';

/** Body of POST /api/approvals: the action, whom it is about (a user or a staff member) and why. */
export interface ApprovalRequest {
  action: AssuredAction;
  userId?: number;
  staffId?: number;
  reason: string;
  ticketId?: number;
}

/** Body of POST /api/users/:id/email-hold/lift. */
export interface LiftEmailHoldRequest {
  reason: string;
  ticketId?: number;
  approvalId?: number;
}

/** Knowing who is asking: verifying a caller, asking for and deciding approvals, the policy. */
export interface AssuranceDataProvider {
  /** The signed-in agent's verification of this user: until when, the addresses a code may go to, a code sent. */
  getCallerVerification(userId: Identifier, ticketId?: number): Promise<CallerVerificationState>;
  /** Mails a code to one of the addresses on file; the caller reads it back. */
  startCallerVerification(userId: Identifier, address: string, ticketId?: number): Promise<StartedVerification>;
  confirmCallerVerification(userId: Identifier, verificationId: number, code: string): Promise<ConfirmedVerification>;
  /** The current code of the customer's authenticator app, read out by the caller (when appAvailable). */
  confirmCallerAppCode(userId: Identifier, code: string, ticketId?: number): Promise<ConfirmedVerification>;
  /** The agent's verifications that still count, for lists (one request per list). */
  getActiveCallerVerifications(): Promise<ActiveVerification[]>;
  getAssurancePolicy(): Promise<AssurancePolicy>;
  saveAssurancePolicy(policy: AssurancePolicy): Promise<AssurancePolicy>;
  requestApproval(request: ApprovalRequest): Promise<ApprovalResponse>;
  decideApproval(id: Identifier, decision: ApprovalDecision, comment?: string): Promise<ApprovalResponse>;
  /** Ends the wait before a reset link or temporary password may go to an address staff just set. */
  liftEmailHold(userId: Identifier, request: LiftEmailHoldRequest): Promise<UserResponse>;
  /** The dashboard's approvals per requesting agent. */
  getApprovalStats(period: ActivityPeriod): Promise<ApprovalStatsRow[]>;
}

const segment = (id: Identifier) => encodeURIComponent(String(id));

async function get<T>(path: string): Promise<T> {
  const { json } = await httpClient(`${API_URL}${path}`);
  return json as T;
}

async function send<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> {
  const { json } = await httpClient(`${API_URL}${path}`, { method, body: JSON.stringify(body) });
  return json as T;
}

export const assuranceProvider: AssuranceDataProvider = {
  getCallerVerification(userId, ticketId) {
    const query = ticketId === undefined ? '' : `?${new URLSearchParams({ ticketId: String(ticketId) })}`;
    return get(`/users/${segment(userId)}/verification${query}`);
  },

  startCallerVerification(userId, address, ticketId) {
    return send('POST', `/users/${segment(userId)}/verifications`, { address, ticketId });
  },

  confirmCallerVerification(userId, verificationId, code) {
    return send('POST', `/users/${segment(userId)}/verifications/${segment(verificationId)}/confirm`, { code });
  },

  confirmCallerAppCode(userId, code, ticketId) {
    return send('POST', `/users/${segment(userId)}/verifications/app`, { code, ticketId });
  },

  getActiveCallerVerifications: () => get('/me/caller-verifications'),
  getAssurancePolicy: () => get('/settings/assurance'),
  saveAssurancePolicy: (policy) => send('PUT', '/settings/assurance', policy),
  requestApproval: (request) => send('POST', '/approvals', request),

  decideApproval(id, decision, comment) {
    return send('POST', `/approvals/${segment(id)}/decision`, { decision, comment });
  },

  liftEmailHold(userId, request) {
    return send('POST', `/users/${segment(userId)}/email-hold/lift`, request);
  },

  getApprovalStats: ({ from, to }) => get(`/activity/approvals?${new URLSearchParams({ from, to })}`),
};
