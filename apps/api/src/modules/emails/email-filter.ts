import { MailStatus } from '@keydesk/domain';

import { filterIds, filterOneOrMany, filterPositiveInt } from '../../common/http/list-query';

/** The Emails list's filters, checked: a typo answers 400 rather than an empty, misleading list. */
export interface EmailFilter {
  ids?: number[];
  clientId?: number;
  userId?: number;
  ticketId?: number;
  statuses?: MailStatus[];
}

export function emailFilterOf(filter: Record<string, unknown>): EmailFilter {
  return {
    ids: filterIds(filter),
    clientId: filterPositiveInt(filter, 'clientId'),
    userId: filterPositiveInt(filter, 'userId'),
    ticketId: filterPositiveInt(filter, 'ticketId'),
    statuses: filterOneOrMany(filter, 'status', Object.values(MailStatus)),
  };
}
