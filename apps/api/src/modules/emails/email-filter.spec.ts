import { describe, expect, it } from 'vitest';

import { DomainError } from '../../common/errors/domain-error';
import { emailFilterOf } from './email-filter';

describe('emails list filter', () => {
  it('reads ids, numbers given as text and one status or several', () => {
    expect(emailFilterOf({ clientId: '7', userId: 3, status: 'retrying' })).toEqual({
      ids: undefined,
      clientId: 7,
      userId: 3,
      ticketId: undefined,
      statuses: ['retrying'],
    });
    expect(emailFilterOf({ status: ['sent', 'failed'], id: [1, 2], ticketId: 9 })).toMatchObject({
      statuses: ['sent', 'failed'],
      ids: [1, 2],
      ticketId: 9,
    });
    expect(emailFilterOf({})).toEqual({
      ids: undefined,
      clientId: undefined,
      userId: undefined,
      ticketId: undefined,
      statuses: undefined,
    });
  });

  it('refuses unknown statuses and ids that are not positive integers, naming the filter', () => {
    for (const [filter, field] of [
      [{ status: 'lost' }, 'filter.status'],
      [{ status: ['sent', 4] }, 'filter.status'],
      [{ clientId: 'abc' }, 'filter.clientId'],
      [{ userId: 0 }, 'filter.userId'],
      [{ ticketId: 2.5 }, 'filter.ticketId'],
    ] as const) {
      try {
        emailFilterOf(filter);
        expect.unreachable(JSON.stringify(filter));
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect(Object.keys((error as DomainError).fieldErrors ?? {})).toEqual([field]);
      }
    }
  });
});
