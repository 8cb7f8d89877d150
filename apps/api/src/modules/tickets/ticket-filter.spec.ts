import { describe, expect, it } from 'vitest';

import { DomainError } from '../../common/errors/domain-error';
import { ticketFilterOf } from './ticket-filter';

describe('ticket queue filter', () => {
  it('reads one status or several, ids, numbers given as text and subject words', () => {
    expect(ticketFilterOf({ status: 'open', clientId: '7', q: '  no  puedo entrar ' })).toEqual({
      ids: undefined,
      statuses: ['open'],
      department: undefined,
      clientId: 7,
      assignedStaffId: undefined,
      userId: undefined,
      words: ['no', 'puedo', 'entrar'],
    });
    expect(
      ticketFilterOf({ status: ['open', 'customer_reply'], department: 'billing', assignedStaffId: 3, id: [1, 2] }),
    ).toMatchObject({
      statuses: ['open', 'customer_reply'],
      department: 'billing',
      assignedStaffId: 3,
      ids: [1, 2],
      words: [],
    });
  });

  it('refuses unknown statuses and departments and ids that are not positive integers, naming the filter', () => {
    for (const [filter, field] of [
      [{ status: ['open', 'lost'] }, 'filter.status'],
      [{ status: 3 }, 'filter.status'],
      [{ department: 'legal' }, 'filter.department'],
      [{ clientId: 'abc' }, 'filter.clientId'],
      [{ userId: -1 }, 'filter.userId'],
      [{ assignedStaffId: 1.5 }, 'filter.assignedStaffId'],
    ] as const) {
      try {
        ticketFilterOf(filter);
        expect.unreachable(JSON.stringify(filter));
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect(Object.keys((error as DomainError).fieldErrors ?? {})).toEqual([field]);
      }
    }
  });
});
