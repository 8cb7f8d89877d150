import { ActivityAction, type PasswordActionStatsRow } from '@keydesk/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { daysOf, defaultDays, localDay, passwordActionsListPath, periodOf } from './activity-period';
import { agentTotals, countsByDay } from './password-action-stats';

const row = (
  day: string,
  staffName: string,
  action: PasswordActionStatsRow['action'],
  count: number,
): PasswordActionStatsRow => ({
  day,
  staffId: staffName === 'Ana' ? '1' : '2',
  staffName,
  action,
  count,
});

describe('the password-actions period', () => {
  // A supervisor in Mexico City (UTC-6 all year); Node reads TZ at each date operation.
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/Mexico_City';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it("defaults to the last 14 days of the browser's time zone, today included", () => {
    // 03:00 UTC on the 15th is still the evening of the 14th in Mexico City.
    expect(defaultDays(new Date('2026-03-15T03:00:00Z'))).toEqual({ from: '2026-03-01', to: '2026-03-14' });
  });

  it('lists every day, across a month end', () => {
    expect(daysOf('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('counts a day across a DST change as one day', () => {
    process.env.TZ = 'America/New_York';
    try {
      // Clocks went forward on 2026-03-08 there: that day has 23 hours.
      expect(daysOf('2026-03-07', '2026-03-09')).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
      expect(periodOf('2026-03-08', '2026-03-08')).toEqual({
        from: '2026-03-08T05:00:00.000Z',
        to: '2026-03-09T04:00:00.000Z',
      });
      expect(localDay(new Date('2026-03-09T03:59:00Z'))).toBe('2026-03-08');
    } finally {
      process.env.TZ = 'America/Mexico_City';
    }
  });

  it('asks the api for whole local days, the end excluded, and refuses what the api would', () => {
    expect(periodOf('2026-03-01', '2026-03-14')).toEqual({
      from: '2026-03-01T06:00:00.000Z',
      to: '2026-03-15T06:00:00.000Z',
    });
    expect(periodOf('2026-02-30', '2026-03-14')).toBeNull();
    expect(periodOf('2026-03-14', '2026-03-01')).toBeNull();
    expect(periodOf('2026-01-01', '2026-06-01')).toBeNull();
    expect(periodOf('', '2026-03-01')).toBeNull();
  });

  it('links to the log filtered to an agent’s password actions', () => {
    const path = passwordActionsListPath({ staffId: '7', from: '2026-03-01', to: '2026-03-02' });
    const filter = JSON.parse(decodeURIComponent(path.split('filter=')[1])) as Record<string, unknown>;
    expect(filter).toEqual({
      staffId: '7',
      from: '2026-03-01',
      to: '2026-03-02',
      action: [ActivityAction.UserPasswordResetEmailSent, ActivityAction.UserPasswordSet],
    });
  });

  it('totals each agent, busiest first, and each day per agent', () => {
    const rows = [
      row('2026-03-01', 'Ana', ActivityAction.UserPasswordResetEmailSent, 1),
      row('2026-03-01', 'Beto', ActivityAction.UserPasswordSet, 2),
      row('2026-03-02', 'Beto', ActivityAction.UserPasswordResetEmailSent, 3),
    ];
    const agents = agentTotals(rows);
    expect(
      agents.map(({ staffName, resetEmails, temporaryPasswords, total }) => ({
        staffName,
        resetEmails,
        temporaryPasswords,
        total,
      })),
    ).toEqual([
      { staffName: 'Beto', resetEmails: 3, temporaryPasswords: 2, total: 5 },
      { staffName: 'Ana', resetEmails: 1, temporaryPasswords: 0, total: 1 },
    ]);
    expect(agents[0].colour).not.toBe(agents[1].colour);
    expect(countsByDay(rows).get('2026-03-01')).toEqual(
      new Map([
        ['1', 1],
        ['2', 2],
      ]),
    );
  });
});
