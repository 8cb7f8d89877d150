import { ActivityAction, SubjectType } from '@keydesk/domain';

import { RequestContext } from '../../common/http/request-context';
import { staffActor } from '../audit/audit-actors';
import { AuditRecord, SYSTEM_ACTOR } from '../audit/audit.service';
import { ApprovalEntity } from './approval.entity';

/**
 * The audit entry of a step in an approval's life (requested, decided, used, expired): about the
 * user or staff member it concerns, so their timeline shows it, and naming the requester, so the
 * dashboard can count per agent from the trail alone.
 */
export function approvalEntry(
  action: ActivityAction,
  row: ApprovalEntity,
  clientId: number | null,
  context: RequestContext | null,
  details: Record<string, unknown> = {},
): AuditRecord {
  return {
    actor: context ? staffActor(context) : SYSTEM_ACTOR,
    action,
    clientId,
    subject: {
      type: row.userId !== null ? SubjectType.User : SubjectType.Staff,
      id: (row.userId ?? row.staffId)!,
      name: row.subjectName,
    },
    ip: context?.ip ?? null,
    userAgent: context?.userAgent ?? null,
    details: {
      approvalId: row.id,
      approvalAction: row.action,
      requestedBy: { id: row.requestedBy, name: row.requestedByName },
      ticketId: row.ticketId,
      ...details,
    },
  };
}
