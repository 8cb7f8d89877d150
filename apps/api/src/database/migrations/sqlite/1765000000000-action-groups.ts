import { MigrationInterface, QueryRunner } from 'typeorm';

import { ACTION_GROUP_EXPRESSION } from '../action-group-column';

/** A filter on a whole group of actions as one index range (see the MySQL migration of the same name). */
export class ActionGroups1765000000000 implements MigrationInterface {
  name = 'ActionGroups1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE audit_log ADD COLUMN action_group varchar(16) GENERATED ALWAYS AS (${ACTION_GROUP_EXPRESSION}) VIRTUAL`,
    );
    await db.query('CREATE INDEX idx_audit_group ON audit_log (action_group, seq)');
    await db.query('CREATE INDEX idx_audit_actor_group ON audit_log (actor_type, actor_id, action_group, seq)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX idx_audit_actor_group');
    await db.query('DROP INDEX idx_audit_group');
    await db.query('ALTER TABLE audit_log DROP COLUMN action_group');
  }
}
