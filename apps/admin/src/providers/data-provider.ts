import type {
  ClientSummaryResponse,
  EmailDetailResponse,
  HealthResponse,
  PasswordResetResponse,
  RecoveryCodesResponse,
  SetUserPasswordRequest,
  SetUserPasswordResponse,
  TotpEnrolment,
  TwoFactorStatus,
  UserResponse,
} from '@keydesk/domain';
import simpleRestProvider from 'ra-data-simple-rest';
import {
  HttpError,
  type CreateParams,
  type DataProvider,
  type DeleteParams,
  type GetListParams,
  type GetListResult,
  type GetManyReferenceParams,
  type Identifier,
  type RaRecord,
  type UpdateParams,
} from 'react-admin';

import { getActivityList } from './activity-pages';
import { activityProvider, type ActivityDataProvider } from './activity-provider';
import { assuranceProvider, type AssuranceDataProvider } from './assurance-provider';
import { customerFactorsProvider, type CustomerFactorsDataProvider } from './customer-factors-provider';
import { API_URL, httpClient, setCsrfToken } from './http-client';
import { integrationsProvider, type IntegrationsDataProvider } from './integrations-provider';
import { createNested, deleteNested, getNestedList, nestedResource, updateNested } from './nested-resources';
import { securityProvider, type SecurityDataProvider } from './security-provider';

/** Body of POST /api/users/:id/password-reset-email; the client's first membership when none is named. */
export interface SendResetEmailRequest {
  clientId?: number;
  ticketId?: number;
  reason?: string;
  /** An approved request that allows it (no verified caller, or past a limit). */
  approvalId?: number;
}

/** Body of POST /api/users/:id/password, with the approval that allows it when one is needed. */
export type SetUserPasswordBody = SetUserPasswordRequest & { approvalId?: number };

/** The CRUD calls of ra-data-simple-rest, plus the api's actions that are not CRUD. */
export interface KeydeskDataProvider
  extends
    DataProvider,
    ActivityDataProvider,
    SecurityDataProvider,
    AssuranceDataProvider,
    CustomerFactorsDataProvider,
    IntegrationsDataProvider {
  setStaffPassword(id: Identifier, password: string): Promise<void>;
  getHealth(): Promise<HealthResponse>;
  getClientSummary(id: Identifier): Promise<ClientSummaryResponse>;
  /** Queues a copy of a mail without secrets; resolves with the copy. */
  resendEmail(id: Identifier): Promise<EmailDetailResponse>;
  /** "Send password reset email" on Manage user; resolves with the new link's row, never its token. */
  sendPasswordResetEmail(userId: Identifier, request: SendResetEmailRequest): Promise<PasswordResetResponse>;
  /** "Change password" on Manage user: says where the temporary password went, never what it is. */
  setUserPassword(userId: Identifier, request: SetUserPasswordBody): Promise<SetUserPasswordResponse>;
  /** "Unlock" on Manage user, after the customer said a change was not theirs; resolves with the user as it is now. */
  unlockUser(userId: Identifier, reason: string): Promise<UserResponse>;
  /** My account → Security: the policy, whether the authenticator app is on, recovery codes left. */
  getTwoFactorStatus(): Promise<TwoFactorStatus>;
  /** A new secret to scan; nothing changes until confirmTotp proves the app has it. */
  enrolTotp(): Promise<TotpEnrolment>;
  /** Turns the authenticator app on; resolves with the recovery codes, shown this once. */
  confirmTotp(code: string): Promise<RecoveryCodesResponse>;
  removeTotp(): Promise<void>;
  /** New recovery codes, shown this once; the old ones stop working. */
  renewRecoveryCodes(): Promise<RecoveryCodesResponse>;
}

function isHealthReport(body: unknown): body is HealthResponse {
  return typeof body === 'object' && body !== null && 'status' in body && 'database' in body;
}

const crud = simpleRestProvider(API_URL, httpClient);
const segment = (id: Identifier) => encodeURIComponent(String(id));

export const dataProvider: KeydeskDataProvider = {
  ...crud,
  ...activityProvider,
  ...securityProvider,
  ...assuranceProvider,
  ...customerFactorsProvider,
  ...integrationsProvider,

  // Nested resources (a client's users, a ticket's messages) have their own paths; see nested-resources.

  async getList<R extends RaRecord>(resource: string, params: GetListParams) {
    // The activity log has no total to count, only pages: see activity-pages.
    if (resource === 'activity') return getActivityList(params) as unknown as Promise<GetListResult<R>>;
    if (resource !== 'clients') return crud.getList<R>(resource, params);
    // The client search keeps its first 1,000 matches; the list says so when there were more.
    const { field, order } = params.sort ?? { field: 'companyName', order: 'ASC' };
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
    const query = new URLSearchParams({
      sort: JSON.stringify([field, order]),
      range: JSON.stringify([(page - 1) * perPage, page * perPage - 1]),
      filter: JSON.stringify(params.filter ?? {}),
    });
    const { headers, json } = await httpClient(`${API_URL}/clients?${query}`, { signal: params.signal });
    const total = Number((headers.get('content-range') ?? '/0').split('/').pop());
    return { data: json as R[], total, meta: { searchCapped: headers.get('x-search-capped') === 'true' } };
  },

  getManyReference<R extends RaRecord>(resource: string, params: GetManyReferenceParams) {
    const nested = nestedResource(resource);
    return nested ? getNestedList<R>(nested, params) : crud.getManyReference<R>(resource, params);
  },

  create<R extends Omit<RaRecord, 'id'>, Result extends RaRecord = R & { id: Identifier }>(
    resource: string,
    params: CreateParams,
  ) {
    const nested = nestedResource(resource);
    return nested ? createNested<Result>(nested, params) : crud.create<R, Result>(resource, params);
  },

  update<R extends RaRecord>(resource: string, params: UpdateParams) {
    const nested = nestedResource(resource);
    return nested ? updateNested<R>(nested, params) : crud.update<R>(resource, params);
  },

  delete<R extends RaRecord>(resource: string, params: DeleteParams<R>) {
    const nested = nestedResource(resource);
    return nested ? deleteNested<R>(nested, params) : crud.delete<R>(resource, params);
  },

  async setStaffPassword(id, password) {
    await httpClient(`${API_URL}/staff/${segment(id)}/password`, {
      method: 'POST',
      body: JSON.stringify({ password }),
    });
  },

  async getHealth() {
    try {
      const { json } = await httpClient(`${API_URL}/health`);
      return json as HealthResponse;
    } catch (error) {
      // An unhealthy api answers 503 with the same report, which is exactly what to show.
      if (error instanceof HttpError && isHealthReport(error.body)) return error.body;
      throw error;
    }
  },

  async getClientSummary(id) {
    const { json } = await httpClient(`${API_URL}/clients/${segment(id)}/summary`);
    return json as ClientSummaryResponse;
  },

  async resendEmail(id) {
    const { json } = await httpClient(`${API_URL}/emails/${segment(id)}/resend`, { method: 'POST' });
    return json as EmailDetailResponse;
  },

  async sendPasswordResetEmail(userId, request) {
    const { json } = await httpClient(`${API_URL}/users/${segment(userId)}/password-reset-email`, {
      method: 'POST',
      body: JSON.stringify(request),
    });
    return json as PasswordResetResponse;
  },

  async setUserPassword(userId, request) {
    const { json } = await httpClient(`${API_URL}/users/${segment(userId)}/password`, {
      method: 'POST',
      body: JSON.stringify(request),
    });
    return json as SetUserPasswordResponse;
  },

  async unlockUser(userId, reason) {
    const { json } = await httpClient(`${API_URL}/users/${segment(userId)}/unlock`, {
      method: 'POST',
      body: JSON.stringify({ reason }),
    });
    return json as UserResponse;
  },

  async getTwoFactorStatus() {
    const { json } = await httpClient(`${API_URL}/me/two-factor`);
    return json as TwoFactorStatus;
  },

  async enrolTotp() {
    const { json } = await httpClient(`${API_URL}/me/two-factor/totp`, { method: 'POST' });
    return json as TotpEnrolment;
  },

  async confirmTotp(code) {
    const { json } = await httpClient(`${API_URL}/me/two-factor/totp/confirm`, {
      method: 'POST',
      body: JSON.stringify({ code }),
    });
    const answer = json as RecoveryCodesResponse;
    // Confirming an enrolment the sign-in required completes that sign-in, under a new token.
    if (answer.csrfToken) setCsrfToken(answer.csrfToken);
    return answer;
  },

  async removeTotp() {
    await httpClient(`${API_URL}/me/two-factor/totp`, { method: 'DELETE' });
  },

  async renewRecoveryCodes() {
    const { json } = await httpClient(`${API_URL}/me/recovery-codes`, { method: 'POST' });
    return json as RecoveryCodesResponse;
  },
};
