import { TicketDepartment, TicketStatus } from '@keydesk/domain';

import { filterIds, filterOneOf, filterOneOrMany, filterPositiveInt, filterText } from '../../common/http/list-query';

/** The queue's filters, checked: a typo answers 400 rather than an empty, misleading queue. */
export interface TicketFilter {
  ids?: number[];
  statuses?: TicketStatus[];
  department?: TicketDepartment;
  clientId?: number;
  assignedStaffId?: number;
  userId?: number;
  /** Words that must all occur in the subject. */
  words: string[];
}

const MAX_WORDS = 8;

export function ticketFilterOf(filter: Record<string, unknown>): TicketFilter {
  return {
    ids: filterIds(filter),
    statuses: filterOneOrMany(filter, 'status', Object.values(TicketStatus)),
    department: filterOneOf(filter, 'department', Object.values(TicketDepartment)),
    clientId: filterPositiveInt(filter, 'clientId'),
    assignedStaffId: filterPositiveInt(filter, 'assignedStaffId'),
    userId: filterPositiveInt(filter, 'userId'),
    words: (filterText(filter, 'q') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, MAX_WORDS)
      .map((w) => w.slice(0, 100)),
  };
}
