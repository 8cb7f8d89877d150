import type { RescueCodeResponse } from '@keydesk/domain';

import { API_URL, httpClient } from '../providers/http-client';

/** The user's 25 newest rescue codes (never a code), as the Manage user page lists them. */
export async function listRescueCodes(userId: number): Promise<RescueCodeResponse[]> {
  const { json } = await httpClient(`${API_URL}/users/${userId}/rescue-codes?range=${encodeURIComponent('[0,24]')}`);
  return json as RescueCodeResponse[];
}

export const rescueCodesKey = (userId: number) => ['users', userId, 'rescue-codes'] as const;
