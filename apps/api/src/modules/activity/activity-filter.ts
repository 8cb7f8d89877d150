import { ALL_ACTIVITY_ACTIONS, ActivityAction, ActivityFilter, ErrorCode } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { filterOneOrMany, filterPositiveInt, filterText } from '../../common/http/list-query';

/** A filter as the repository takes it: checked, with dates as Dates. */
export interface ActivityCriteria {
  clientId?: number;
  userId?: number;
  staffId?: number;
  actions?: ActivityAction[];
  from?: Date;
  to?: Date;
  ip?: string;
  q?: string;
}

/** Reads `filter={...}` of the activity routes; every wrong field is named in one 400. */
export function activityCriteria(filter: Record<string, unknown>): ActivityCriteria {
  const errors: Record<string, unknown> = {};
  const read = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof DomainError) || !error.fieldErrors) throw error;
      Object.assign(errors, error.fieldErrors);
      return undefined;
    }
  };
  const criteria: ActivityCriteria = {
    clientId: read(() => filterPositiveInt(filter, 'clientId')),
    userId: read(() => filterPositiveInt(filter, 'userId')),
    staffId: read(() => filterPositiveInt(filter, 'staffId')),
    actions: read(() => filterOneOrMany(filter, 'action', ALL_ACTIVITY_ACTIONS)),
    from: read(() => filterDate(filter, 'from')),
    to: read(() => filterDate(filter, 'to')),
    ip: read(() => filterText(filter, 'ip')?.slice(0, 45)),
    q: read(() => filterText(filter, 'q')?.slice(0, 100)),
  };
  if (Object.keys(errors).length > 0)
    throw new DomainError(ErrorCode.ValidationFailed, {}, errors as NonNullable<DomainError['fieldErrors']>);
  return criteria;
}

/** The same filter back in the API's words, for the audit entry of an export. */
export function describeCriteria(criteria: ActivityCriteria): ActivityFilter {
  const { actions, from, to, ...rest } = criteria;
  return Object.fromEntries(
    Object.entries({
      ...rest,
      action: actions,
      from: from?.toISOString(),
      to: to?.toISOString(),
    }).filter(([, value]) => value !== undefined),
  ) as ActivityFilter;
}

export function filterDate(filter: Record<string, unknown>, name: string): Date | undefined {
  const text = filterText(filter, name);
  if (text === undefined) return undefined;
  const date = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) {
    throw new DomainError(ErrorCode.ValidationFailed, {}, { [`filter.${name}`]: { key: 'validation.isDate' } });
  }
  return date;
}
