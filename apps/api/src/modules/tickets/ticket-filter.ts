import { ErrorCode, TicketDepartment, TicketStatus } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { filterIds, filterText } from '../../common/http/list-query';

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

const STATUSES: readonly string[] = Object.values(TicketStatus);
const DEPARTMENTS: readonly string[] = Object.values(TicketDepartment);
const MAX_WORDS = 8;

export function ticketFilterOf(filter: Record<string, unknown>): TicketFilter {
  const department = filterText(filter, 'department');
  if (department !== undefined && !DEPARTMENTS.includes(department)) notOneOf('department', DEPARTMENTS);
  return {
    ids: filterIds(filter),
    statuses: statusesOf(filter.status),
    department: department as TicketDepartment | undefined,
    clientId: positiveInt(filter, 'clientId'),
    assignedStaffId: positiveInt(filter, 'assignedStaffId'),
    userId: positiveInt(filter, 'userId'),
    words: (filterText(filter, 'q') ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_WORDS).map((w) => w.slice(0, 100)),
  };
}

/** One status or several (react-admin's multi-select sends an array). */
function statusesOf(value: unknown): TicketStatus[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const statuses = Array.isArray(value) ? value : [value];
  if (!statuses.every((status) => typeof status === 'string' && STATUSES.includes(status))) notOneOf('status', STATUSES);
  return statuses as TicketStatus[];
}

function positiveInt(filter: Record<string, unknown>, name: string): number | undefined {
  const text = filterText(filter, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new DomainError(ErrorCode.ValidationFailed, {}, { [`filter.${name}`]: { key: 'validation.isInt' } });
  }
  return value;
}

function notOneOf(name: string, values: readonly string[]): never {
  throw new DomainError(ErrorCode.ValidationFailed, {}, {
    [`filter.${name}`]: { key: 'validation.isIn', params: { values: values.join(', ') } },
  });
}
