import type { PasswordResetResponse } from '@keydesk/domain';

import { API_URL, httpClient } from '../providers/http-client';

export interface SendResetEmailBody {
  clientId?: number;
  ticketId?: number;
  reason?: string;
}

/** "Send password reset email": not CRUD, so a call of its own rather than a dataProvider verb. */
export async function sendResetEmail(userId: number, body: SendResetEmailBody): Promise<PasswordResetResponse> {
  const { json } = await httpClient(`${API_URL}/users/${userId}/password-reset-email`, { method: 'POST', body: JSON.stringify(body) });
  return json as PasswordResetResponse;
}

/** The user's 25 newest reset links. */
export async function listPasswordResets(userId: number): Promise<PasswordResetResponse[]> {
  const { json } = await httpClient(`${API_URL}/users/${userId}/password-resets?range=${encodeURIComponent('[0,24]')}`);
  return json as PasswordResetResponse[];
}

export const passwordResetsKey = (userId: number) => ['users', userId, 'password-resets'] as const;
