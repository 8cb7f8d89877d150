import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, LessThan } from 'typeorm';

import { SessionStaff, StaffStatus } from '@keydesk/domain';

import { TransactionRunner } from '../../database/transaction-runner';
import { SessionStaffRow, toSessionStaffFromRows } from '../staff/staff.mapper';
import { SESSION_STAFF_COLUMNS, SESSION_STAFF_JOINS } from '../staff/staff.repository';
import { SessionEntity } from './session.entity';

/** A stored session and the staff member it was signed in for, as of this request. */
export interface LiveSession {
  data: string;
  staffId: number | null;
  staff: SessionStaff | null;
}

@Injectable()
export class SessionRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  /**
   * The stored session data with its active staff member (roles and permissions), read on every
   * signed-in request as one statement: a round trip costs the database and the api more than
   * either read does. `staff` is null when the member is gone or no longer active.
   */
  async findLiveWithStaff(idHash: string, now: number): Promise<LiveSession | null> {
    const rows: Array<SessionStaffRow & { data: string; staffId: number | null }> = await this.dataSource.query(
      `SELECT se.data, se.staff_id AS staffId, ${SESSION_STAFF_COLUMNS}
       FROM sessions se LEFT JOIN staff s ON s.id = se.staff_id AND s.status = ? ${SESSION_STAFF_JOINS}
       WHERE se.id_hash = ? AND se.expires_at > ?`,
      [StaffStatus.Active, idHash, now],
    );
    if (rows.length === 0) return null;
    const [first] = rows;
    return {
      data: first.data,
      staffId: first.staffId === null ? null : Number(first.staffId),
      staff: first.id === null ? null : toSessionStaffFromRows(rows),
    };
  }

  save(row: SessionEntity): Promise<void> {
    return this.transactions.run(async (manager) => {
      await manager.getRepository(SessionEntity).upsert(row, ['idHash']);
    });
  }

  delete(idHash: string): Promise<void> {
    return this.transactions.run(async (manager) => {
      await manager.getRepository(SessionEntity).delete({ idHash });
    });
  }

  async deleteExpired(manager: EntityManager, before: number): Promise<void> {
    await manager.getRepository(SessionEntity).delete({ expiresAt: LessThan(before) });
  }
}
