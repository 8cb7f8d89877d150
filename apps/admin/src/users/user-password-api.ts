import type { SetUserPasswordRequest, SetUserPasswordResponse } from '@keydesk/domain';

import { API_URL, httpClient } from '../providers/http-client';

/**
 * "Change password": a temporary password posted to the client's ticket. Not CRUD, so a call of
 * its own; the answer says where the password went, never what it is.
 */
export async function setUserPassword(userId: number, body: SetUserPasswordRequest): Promise<SetUserPasswordResponse> {
  const { json } = await httpClient(`${API_URL}/users/${userId}/password`, { method: 'POST', body: JSON.stringify(body) });
  return json as SetUserPasswordResponse;
}
