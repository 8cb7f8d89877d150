import { ActivityEntryResponse } from '@keydesk/domain';

import { ListedAuditEntry } from './audit-entry.entity';

/** Details never hold secrets (AuditService refuses them), so they are shown as stored. */
export function toActivityEntryResponse(entry: ListedAuditEntry): ActivityEntryResponse {
  return {
    id: entry.id,
    seq: entry.seq,
    occurredAt: entry.occurredAt.toISOString(),
    actorType: entry.actorType,
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    subjectName: entry.subjectName,
    clientId: entry.clientId,
    ip: entry.ip,
    details: JSON.parse(entry.details) as Record<string, unknown>,
  };
}
