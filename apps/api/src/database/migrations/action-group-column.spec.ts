import { describe, expect, it } from 'vitest';

import { ACTIVITY_ACTION_GROUPS, activityActionGroupOf, ActivityAction } from '@keydesk/domain';

import { ACTION_GROUP_EXPRESSION, MIGRATED_ACTION_GROUPS } from './action-group-column';

describe('audit_log.action_group', () => {
  it('groups the actions the domain groups: a changed set needs a migration that redefines the column', () => {
    expect(
      Object.fromEntries(
        Object.entries(MIGRATED_ACTION_GROUPS).map(([group, actions]) => [group, [...actions].sort()]),
      ),
    ).toEqual(
      Object.fromEntries(
        Object.entries(ACTIVITY_ACTION_GROUPS).map(([group, actions]) => [group, [...actions].sort()]),
      ),
    );
    expect(ACTION_GROUP_EXPRESSION).toBe(
      "CASE WHEN action IN ('user.password_reset_email_sent', 'user.password_set') THEN 'password' END",
    );
  });

  it("is used for exactly a group's actions, in any order, and for nothing less or more", () => {
    expect(activityActionGroupOf([ActivityAction.UserPasswordSet, ActivityAction.UserPasswordResetEmailSent])).toBe(
      'password',
    );
    expect(activityActionGroupOf([ActivityAction.UserPasswordSet])).toBeUndefined();
    expect(
      activityActionGroupOf([
        ActivityAction.UserPasswordSet,
        ActivityAction.UserPasswordResetEmailSent,
        ActivityAction.UserCreated,
      ]),
    ).toBeUndefined();
  });
});
