import { PasswordResetResponse, PasswordResetState } from '@keydesk/domain';

import { PasswordResetTokenEntity } from './password-reset-token.entity';

export function stateOf(row: PasswordResetTokenEntity, nowMs: number): PasswordResetState {
  if (row.usedAt) return PasswordResetState.Used;
  if (row.voidedAt) return PasswordResetState.Voided;
  return row.expiresAt <= nowMs ? PasswordResetState.Expired : PasswordResetState.Sent;
}

/** Explicit, so the token's hash has no way into a response. */
export function toPasswordResetResponse(row: PasswordResetTokenEntity, nowMs: number): PasswordResetResponse {
  return {
    id: row.id,
    userId: row.userId,
    clientId: row.clientId,
    ticketId: row.ticketId,
    ticketMessageId: row.ticketMessageId,
    emailId: row.emailId,
    state: stateOf(row, nowMs),
    reason: row.reason,
    sentBy: { id: row.sentByStaffId, name: row.sentByName },
    createdAt: row.createdAt.toISOString(),
    expiresAt: new Date(row.expiresAt).toISOString(),
    usedAt: row.usedAt?.toISOString() ?? null,
    voidedAt: row.voidedAt?.toISOString() ?? null,
  };
}
