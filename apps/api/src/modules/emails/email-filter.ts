import { ErrorCode, MailStatus } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { filterIds, filterText } from '../../common/http/list-query';

/** The Emails list's filters, checked: a typo answers 400 rather than an empty, misleading list. */
export interface EmailFilter {
  ids?: number[];
  clientId?: number;
  userId?: number;
  ticketId?: number;
  statuses?: MailStatus[];
}

const STATUSES: readonly string[] = Object.values(MailStatus);

export function emailFilterOf(filter: Record<string, unknown>): EmailFilter {
  return {
    ids: filterIds(filter),
    clientId: positiveInt(filter, 'clientId'),
    userId: positiveInt(filter, 'userId'),
    ticketId: positiveInt(filter, 'ticketId'),
    statuses: statusesOf(filter.status),
  };
}

/** One status or several (react-admin's multi-select sends an array). */
function statusesOf(value: unknown): MailStatus[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const statuses = Array.isArray(value) ? value : [value];
  if (!statuses.every((status) => typeof status === 'string' && STATUSES.includes(status))) {
    throw new DomainError(ErrorCode.ValidationFailed, {}, {
      'filter.status': { key: 'validation.isIn', params: { values: STATUSES.join(', ') } },
    });
  }
  return statuses as MailStatus[];
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
