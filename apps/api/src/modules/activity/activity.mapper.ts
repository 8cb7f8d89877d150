import { ActivityDetailResponse, ActivityListEntry } from '@keydesk/domain';

import { toActivityEntryResponse } from '../audit/activity-entry.mapper';
import { AuditEntryEntity, ListedAuditEntry } from '../audit/audit-entry.entity';

export function toActivityListEntry(entry: ListedAuditEntry, reviewed: boolean): ActivityListEntry {
  // Added to the response rather than spread into a copy: a timeline page holds up to 500 of them.
  return Object.assign(toActivityEntryResponse(entry), { reviewed });
}

/** `details.changes` ({ field: { from, to } }) as rows; entries without changes have none. */
export function toActivityDetail(
  entry: AuditEntryEntity,
  reviews: AuditEntryEntity[],
  report: AuditEntryEntity | null,
): ActivityDetailResponse {
  const listed = toActivityListEntry(entry, reviews.length > 0);
  const changes = listed.details.changes;
  const rows =
    changes && typeof changes === 'object' && !Array.isArray(changes)
      ? Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>).map(([field, change]) => ({
          field,
          from: change?.from ?? null,
          to: change?.to ?? null,
        }))
      : [];
  return {
    ...listed,
    userAgent: entry.userAgent,
    changes: rows,
    reviews: reviews.map((review) => ({
      id: review.id,
      reviewerName: review.actorName,
      comment: String((JSON.parse(review.details) as { comment?: unknown }).comment ?? ''),
      reviewedAt: review.occurredAt.toISOString(),
    })),
    reportedByCustomer: report && { entryId: report.id, reportedAt: report.occurredAt.toISOString() },
  };
}
