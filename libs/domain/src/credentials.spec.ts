import { describe, expect, it } from 'vitest';

import { CredentialWay, emailHoldUntil } from './credentials';

const HOUR = 3600;
const changedAt = new Date('2026-12-07T10:00:00Z');

describe('emailHoldUntil', () => {
  it('holds an address staff set, for the hold after the change', () => {
    const user = { emailChangedAt: changedAt, emailChangedBy: CredentialWay.Staff };
    expect(emailHoldUntil(user, 24 * HOUR, changedAt.getTime() + HOUR)).toEqual(new Date('2026-12-08T10:00:00Z'));
    expect(emailHoldUntil(user, 24 * HOUR, changedAt.getTime() + 24 * HOUR * 1000)).toBeNull();
  });

  it('does not hold the address a user was created with, one the customer set, or with the hold off', () => {
    expect(emailHoldUntil({ emailChangedAt: null, emailChangedBy: null }, 24 * HOUR, changedAt.getTime())).toBeNull();
    expect(
      emailHoldUntil(
        { emailChangedAt: changedAt, emailChangedBy: CredentialWay.Customer },
        24 * HOUR,
        changedAt.getTime(),
      ),
    ).toBeNull();
    expect(
      emailHoldUntil({ emailChangedAt: changedAt, emailChangedBy: CredentialWay.Staff }, 0, changedAt.getTime()),
    ).toBeNull();
  });
});
