import { RescueCodeResponse, RescueCodeState } from '@keydesk/domain';

import { RescueCodeEntity } from './rescue-code.entity';

function stateOf(row: RescueCodeEntity, nowMs: number): RescueCodeState {
  if (row.usedAt) return RescueCodeState.Used;
  if (row.voidedAt) return RescueCodeState.Voided;
  return row.expiresAt <= nowMs ? RescueCodeState.Expired : RescueCodeState.Sent;
}

/** Explicit, so the code's hash has no way into a response. */
export function toRescueCodeResponse(row: RescueCodeEntity, nowMs: number): RescueCodeResponse {
  return {
    id: row.id,
    userId: row.userId,
    clientId: row.clientId,
    state: stateOf(row, nowMs),
    voidReason: row.voidReason,
    recipients: row.recipients,
    failedAttempts: row.failedAttempts,
    requestedIp: row.requestedIp,
    redeemedIp: row.redeemedIp,
    outcome: row.outcome,
    createdAt: row.createdAt.toISOString(),
    expiresAt: new Date(row.expiresAt).toISOString(),
    usedAt: row.usedAt?.toISOString() ?? null,
    voidedAt: row.voidedAt?.toISOString() ?? null,
  };
}
