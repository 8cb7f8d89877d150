import { ALL_CLIENT_USER_PERMISSIONS, ClientUserResponse } from '@keydesk/domain';

import { ClientUserEntity } from './client-user.entity';
import { UserEntity } from './user.entity';

/** A Users-tab row: the membership and its user (loaded with it). */
export function toClientUserResponse(membership: ClientUserEntity & { user: UserEntity }): ClientUserResponse {
  const { user } = membership;
  return {
    id: user.id,
    clientId: membership.clientId,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    username: membership.username,
    owner: membership.owner,
    // As in WHMCS, the owner may do everything in the account, whatever was stored.
    permissions: membership.owner ? [...ALL_CLIENT_USER_PERMISSIONS] : membership.permissions.filter(Boolean),
    status: user.status,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    lockedAt: user.lockedAt?.toISOString() ?? null,
  };
}
