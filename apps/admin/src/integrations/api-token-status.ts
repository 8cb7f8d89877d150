import type { ApiTokenResponse } from '@keydesk/domain';

export type ApiTokenStatus = 'active' | 'expired' | 'revoked';

/** Revoked wins over expired: it says someone ended the token on purpose. */
export function apiTokenStatus(
  token: Pick<ApiTokenResponse, 'expiresAt' | 'revokedAt'>,
  now = new Date(),
): ApiTokenStatus {
  if (token.revokedAt !== null) return 'revoked';
  return new Date(token.expiresAt).getTime() <= now.getTime() ? 'expired' : 'active';
}
