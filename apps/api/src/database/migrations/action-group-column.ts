/**
 * audit_log.action_group as migration 1765000000000 defines it, for both dialects: the group of
 * ACTIVITY_ACTION_GROUPS an entry's action belongs to, NULL for the rest. A virtual column: the
 * trail's rows stay as they were written (its triggers refuse updates) and only the indexes hold
 * the value. Frozen like the migration itself; action-group-column.spec.ts checks that the domain
 * still names the same sets.
 */
export const MIGRATED_ACTION_GROUPS: Readonly<Record<string, readonly string[]>> = {
  password: ['user.password_reset_email_sent', 'user.password_set'],
};

export const ACTION_GROUP_EXPRESSION = `CASE ${Object.entries(MIGRATED_ACTION_GROUPS)
  .map(([group, actions]) => `WHEN action IN (${actions.map((action) => `'${action}'`).join(', ')}) THEN '${group}'`)
  .join(' ')} END`;
