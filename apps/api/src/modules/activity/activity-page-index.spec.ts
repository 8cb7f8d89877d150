import { describe, expect, it } from 'vitest';

import { ActivityAction } from '@keydesk/domain';

import { soleIndexOf } from './activity-page-index';

describe('soleIndexOf', () => {
  const passwordActions = [ActivityAction.UserPasswordSet, ActivityAction.UserPasswordResetEmailSent];

  it('names the one index that serves a filter of a single shape', () => {
    expect(soleIndexOf({ staffId: 3 })).toBe('idx_audit_actor');
    expect(soleIndexOf({ staffId: 3, actions: passwordActions })).toBe('idx_audit_actor_group');
    expect(soleIndexOf({ staffId: 3, actions: [ActivityAction.UserPasswordSet] })).toBe('idx_audit_actor_action');
    expect(soleIndexOf({ clientId: 9 })).toBe('idx_audit_client');
    expect(soleIndexOf({ actions: passwordActions })).toBe('idx_audit_group');
    expect(soleIndexOf({ actions: [ActivityAction.UserPasswordSet] })).toBe('idx_audit_action');
    expect(soleIndexOf({ ip: '203.0.113.7' })).toBe('idx_audit_ip');
  });

  it('leaves the whole log and combined filters to the optimizer', () => {
    expect(soleIndexOf({})).toBeUndefined();
    expect(soleIndexOf({ staffId: 3, clientId: 9 })).toBeUndefined();
    expect(soleIndexOf({ staffId: 3, q: 'ana' })).toBeUndefined();
    expect(soleIndexOf({ clientId: 9, from: new Date() })).toBeUndefined();
    expect(soleIndexOf({ userId: 5 })).toBeUndefined();
    expect(soleIndexOf({ actions: [ActivityAction.UserPasswordSet, ActivityAction.UserCreated] })).toBeUndefined();
    expect(
      soleIndexOf({ staffId: 3, actions: [ActivityAction.UserPasswordSet, ActivityAction.UserCreated] }),
    ).toBeUndefined();
  });
});
