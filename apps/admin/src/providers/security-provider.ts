import type { RecoveryCodesResponse, StaffSessionResponse } from '@keydesk/domain';
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import type { Identifier } from 'react-admin';

import { API_URL, httpClient, setCsrfToken } from './http-client';
import { createPasskey, assertPasskey } from './passkey-ceremony';

/** What proves a factor again for the sensitive actions; a passkey is asked of the browser here. */
export type StepUpProof =
  { method: 'passkey' } | { method: 'totp' | 'recovery_code'; code: string } | { method: 'password'; password: string };

/** My account → Security beyond the authenticator app: passkeys, sessions, step-up; and an administrator's reset. */
export interface SecurityDataProvider {
  /** Runs the browser's ceremony and registers the passkey; a first factor also answers recovery codes, shown once. */
  addPasskey(name: string): Promise<Partial<RecoveryCodesResponse>>;
  removePasskey(id: number): Promise<void>;
  /** Proves a factor for the sensitive actions of the next STEP_UP_MINUTES. */
  stepUp(proof: StepUpProof): Promise<void>;
  getSessions(): Promise<StaffSessionResponse[]>;
  endSession(id: string): Promise<void>;
  /** Signs out everywhere but here. */
  endOtherSessions(): Promise<void>;
  /** Another staff member's lost factors: they enrol again at their next sign-in. Always takes an approval. */
  resetStaffFactors(id: Identifier, reason: string, approvalId?: number): Promise<void>;
}

async function post<T>(path: string, body?: unknown): Promise<T> {
  const { json } = await httpClient(`${API_URL}${path}`, {
    method: 'POST',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return json as T;
}

async function remove(path: string): Promise<void> {
  await httpClient(`${API_URL}${path}`, { method: 'DELETE' });
}

export const securityProvider: SecurityDataProvider = {
  async addPasskey(name) {
    const options = await post<PublicKeyCredentialCreationOptionsJSON>('/me/passkeys/options');
    // An empty answer: a 401 sent the staff member to the sign-in page.
    if (!options?.challenge) return {};
    const response = await createPasskey(options);
    const answer = await post<Partial<RecoveryCodesResponse>>('/me/passkeys', { name, response });
    // Registering the passkey a sign-in required completes that sign-in, under a new token.
    if (answer?.csrfToken) setCsrfToken(answer.csrfToken);
    return answer ?? {};
  },

  removePasskey: (id) => remove(`/me/passkeys/${id}`),

  async stepUp(proof) {
    if (proof.method !== 'passkey') return post('/auth/step-up', proof);
    const options = await post<PublicKeyCredentialRequestOptionsJSON>('/auth/step-up/passkey-options');
    await post('/auth/step-up', { method: 'passkey', response: await assertPasskey(options) });
  },

  async getSessions() {
    const { json } = await httpClient(`${API_URL}/me/sessions`);
    return json as StaffSessionResponse[];
  },

  endSession: (id) => remove(`/me/sessions/${encodeURIComponent(id)}`),
  endOtherSessions: () => remove('/me/sessions'),

  async resetStaffFactors(id, reason, approvalId) {
    await post(`/staff/${encodeURIComponent(String(id))}/two-factor/reset`, { reason, approvalId });
  },
};
