import { describe, expect, it } from 'vitest';

import { ActivityAction, ActorType, SubjectType } from '@keydesk/domain';

import { toActivityListEntry } from '../activity/activity.mapper';
import { activityEntriesJson, activityEntryJson } from './activity-entry.json';
import { toActivityEntryResponse } from './activity-entry.mapper';
import { ListedAuditEntry } from './audit-entry.entity';

/** An entry as the repository lists it, details stored as AuditService stores them. */
function entry(
  overrides: Partial<ListedAuditEntry> & { detailsObject?: Record<string, unknown> } = {},
): ListedAuditEntry {
  const { detailsObject = { reason: 'forgot', ticketId: 12 }, ...rest } = overrides;
  return {
    seq: 4_211_977,
    id: '0b9f4c8e-6d3a-4f43-9a65-2c8b1d7e5f10',
    occurredAt: new Date('2026-11-30T21:04:05.123Z'),
    actorType: ActorType.Staff,
    actorId: '7',
    actorName: 'Paola Soporte',
    action: ActivityAction.UserPasswordResetEmailSent,
    subjectType: SubjectType.User,
    subjectId: '91',
    subjectName: 'Rosa Méndez',
    clientId: 3,
    ip: '10.1.1.1',
    details: JSON.stringify(detailsObject),
    ...rest,
  };
}

const awkward = [
  entry(),
  entry({
    actorName: 'Óscar "el jefe" \\ Núñez\n\t',
    subjectName: 'Ferretería\u2028El Tornillo\u0000 🔧',
    ip: null,
    clientId: null,
  }),
  entry({
    actorType: ActorType.User,
    actorId: null,
    actorName: 'unknown',
    subjectType: null,
    subjectId: null,
    subjectName: null,
    clientId: null,
  }),
  entry({ detailsObject: {} }),
  entry({
    detailsObject: {
      changes: { phone: { from: '+52 55 1234 5678', to: null } },
      nested: [1, 'dos', { tres: true }],
      text: 'línea\r\n"citada"\ud800',
    },
  }),
  entry({ seq: 1, occurredAt: new Date('1999-12-31T23:59:59.000Z') }),
];

describe('activityEntryJson', () => {
  it('writes the same text JSON.stringify gives for the response object, with and without reviewed', () => {
    for (const listed of awkward) {
      expect(activityEntryJson(listed)).toBe(JSON.stringify(toActivityEntryResponse(listed)));
      for (const reviewed of [true, false]) {
        expect(activityEntryJson(listed, reviewed)).toBe(JSON.stringify(toActivityListEntry(listed, reviewed)));
      }
    }
  });

  it('writes a page as a JSON array, and an empty page as []', () => {
    const page = awkward.map((listed, i) => ({ entry: listed, reviewed: i % 2 === 0 }));
    expect(activityEntriesJson(page)).toBe(
      JSON.stringify(page.map(({ entry: listed, reviewed }) => toActivityListEntry(listed, reviewed))),
    );
    expect(JSON.parse(activityEntriesJson(page))).toHaveLength(awkward.length);
    expect(activityEntriesJson([])).toBe('[]');
  });
});
