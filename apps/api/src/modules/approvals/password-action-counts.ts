import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { ActivityAction, PASSWORD_ACTIONS } from '@keydesk/domain';

import { AuditEntryEntity } from '../audit/audit-entry.entity';

const HOUR_MS = 3600_000;

/**
 * How many password actions (reset links sent, temporary passwords set) staff took lately, read
 * from the trail itself: every api process sees the same counts, and nothing else has to be kept.
 * Each count walks one index range (a user's entries; an agent's password actions) from its newest end.
 */
@Injectable()
export class PasswordActionCounts {
  constructor(private readonly dataSource: DataSource) {}

  /** On one user within the 24 hours before `nowMs`. */
  onUser(userId: number, nowMs: number, manager: EntityManager = this.dataSource.manager): Promise<number> {
    return manager
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('e')
      .where("e.subject_type = 'user' AND e.subject_id = :userId AND e.actor_type = 'staff'", {
        userId: String(userId),
      })
      .andWhere('e.action IN (:...actions)', { actions: PASSWORD_ACTIONS })
      .andWhere('e.occurred_at >= :since', { since: new Date(nowMs - 24 * HOUR_MS) })
      .getCount();
  }

  /** By one agent within the hour before `nowMs`. */
  byAgent(staffId: number, nowMs: number, manager: EntityManager = this.dataSource.manager): Promise<number> {
    return manager
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('e')
      .where("e.actor_type = 'staff' AND e.actor_id = :staffId", { staffId: String(staffId) })
      .andWhere('e.action IN (:...actions)', { actions: PASSWORD_ACTIONS })
      .andWhere('e.occurred_at >= :since', { since: new Date(nowMs - HOUR_MS) })
      .getCount();
  }

  /** When the customer last reported a change as not theirs, within 30 days. */
  async lastReport(userId: number, nowMs: number): Promise<Date | null> {
    const entry = await this.dataSource
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('e')
      .where("e.subject_type = 'user' AND e.subject_id = :userId AND e.action = :action", {
        userId: String(userId),
        action: ActivityAction.UserChangeReported,
      })
      .andWhere('e.occurred_at >= :since', { since: new Date(nowMs - 30 * 24 * HOUR_MS) })
      .orderBy('e.seq', 'DESC')
      .getOne();
    return entry?.occurredAt ?? null;
  }
}
