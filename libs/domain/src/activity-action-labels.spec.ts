import { describe, expect, it } from 'vitest';

import { ActivityAction, ALL_ACTIVITY_ACTIONS } from './activity-actions';
import { ACTIVITY_ACTION_LABELS, activityActionMessages, activityActionsMatching } from './activity-action-labels';

describe('activity action labels', () => {
  it('names every action in both languages, keyed for polyglot without dots', () => {
    for (const locale of ['es', 'en'] as const) {
      expect(Object.keys(ACTIVITY_ACTION_LABELS[locale]).sort()).toEqual([...ALL_ACTIVITY_ACTIONS].sort());
      expect(activityActionMessages(locale).user_password_set).toBe(
        ACTIVITY_ACTION_LABELS[locale][ActivityAction.UserPasswordSet],
      );
    }
  });

  it('finds actions by their label in either language, accents and case aside', () => {
    const passwordSet = [ActivityAction.UserPasswordSet];
    expect(activityActionsMatching('contraseña temporal establecida')).toEqual(passwordSet);
    expect(activityActionsMatching('CONTRASENA TEMPORAL ESTABLECIDA')).toEqual(passwordSet);
    expect(activityActionsMatching('temporary password set')).toEqual(passwordSet);
    expect(activityActionsMatching('código de rescate')).toEqual(
      expect.arrayContaining([
        ActivityAction.UserRescueCodeRequested,
        ActivityAction.UserRescueCodeSent,
        ActivityAction.UserRescueCodeRedeemed,
      ]),
    );
    expect(activityActionsMatching('rescue code')).toContain(ActivityAction.UserRescueCodeExpired);
    expect(activityActionsMatching('contraseña')).not.toContain(ActivityAction.ClientCreated);
  });

  it('matches nothing for blank text or text no label holds', () => {
    expect(activityActionsMatching('   ')).toEqual([]);
    expect(activityActionsMatching('tornillos del norte')).toEqual([]);
  });
});
