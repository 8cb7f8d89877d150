import { ApprovalResponse } from '@keydesk/domain';

import { ApprovalEntity } from './approval.entity';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toApprovalResponse(row: ApprovalEntity): ApprovalResponse {
  return {
    id: row.id,
    action: row.action,
    userId: row.userId,
    staffId: row.staffId,
    subjectName: row.subjectName,
    reason: row.reason,
    ticketId: row.ticketId,
    state: row.state,
    requestedBy: { id: row.requestedBy, name: row.requestedByName },
    requestedAt: new Date(row.requestedAt).toISOString(),
    decidedBy: row.decidedBy === null ? null : { id: row.decidedBy, name: row.decidedByName ?? '' },
    decidedAt: iso(row.decidedAt),
    comment: row.comment,
    expiresAt: new Date(row.expiresAt).toISOString(),
    usedAt: iso(row.usedAt),
  };
}
