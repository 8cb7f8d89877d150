import {
  emailHoldUntil,
  UserMembershipResponse,
  UserResponse,
  UserSignInResponse,
  UserTwoFactorResponse,
} from '@keydesk/domain';

import { MembershipWithClient } from './client-user.repository';
import { UserSignInEntity } from './user-sign-in.entity';
import { UserEntity } from './user.entity';

/** Explicit, so the password hash has no way into a response. `hold`: NEW_EMAIL_HOLD_HOURS and now, for emailHoldUntil. */
export function toUserResponse(
  user: UserEntity,
  memberships: MembershipWithClient[],
  hold: { seconds: number; nowMs: number },
  twoFactor: UserTwoFactorResponse,
): UserResponse {
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    status: user.status,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    lastLoginIp: user.lastLoginIp,
    mustChangePassword: user.mustChangePassword,
    passwordChangedAt: user.passwordChangedAt?.toISOString() ?? null,
    temporaryPasswordExpiresAt: user.passwordExpiresAt?.toISOString() ?? null,
    lockedAt: user.lockedAt?.toISOString() ?? null,
    lockReason: user.lockReason,
    emailHoldUntil: emailHoldUntil(user, hold.seconds, hold.nowMs)?.toISOString() ?? null,
    twoFactor,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    clients: memberships.filter((m) => m.userId === user.id).map(toUserMembershipResponse),
  };
}

export function toUserMembershipResponse(membership: MembershipWithClient): UserMembershipResponse {
  return {
    clientId: membership.clientId,
    clientKey: membership.client.clientKey,
    companyName: membership.client.companyName,
    username: membership.username,
    owner: membership.owner,
    permissions: membership.permissions.filter(Boolean),
  };
}

export function toUserSignInResponse(signIn: UserSignInEntity): UserSignInResponse {
  return {
    id: signIn.id,
    clientId: signIn.clientId,
    occurredAt: signIn.occurredAt.toISOString(),
    ip: signIn.ip,
    userAgent: signIn.userAgent,
    succeeded: signIn.succeeded,
  };
}
