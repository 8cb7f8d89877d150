import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, LessThan, MoreThan, Not } from 'typeorm';

import { SessionStaff, StaffStatus } from '@keydesk/domain';

import { SessionStaffRow, toSessionStaffFromRows } from '../staff/staff.mapper';
import { SESSION_STAFF_COLUMNS, SESSION_STAFF_JOINS } from '../staff/staff.repository';
import { StaffSessionEntity } from './staff-session.entity';

/** The session's own columns, as the one statement of every request reads them. */
const SESSION_COLUMNS =
  'se.id_hash AS idHash, se.staff_id AS staffId, se.created_at AS createdAt, se.last_seen_at AS lastSeenAt, ' +
  'se.expires_at AS expiresAt, se.csrf_token AS csrfToken, se.ip AS sessionIp, se.user_agent AS sessionUserAgent, ' +
  'se.signed_in_with AS signedInWith, se.stepped_up_at AS steppedUpAt, ' +
  'se.second_factor_pending AS secondFactorPending, se.failed_second_factors AS failedSecondFactors';

type Row = SessionStaffRow & Record<string, unknown>;

/** A stored session and its staff member as of this request: null when gone or not active. */
export interface SessionWithStaff {
  session: StaffSessionEntity;
  staff: SessionStaff | null;
}

@Injectable()
export class StaffSessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The session with its active staff member (roles and permissions), read on every signed-in
   * request as one statement: a round trip costs the database and the api more than either read.
   */
  async findWithStaff(idHash: string): Promise<SessionWithStaff | null> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${SESSION_COLUMNS}, ${SESSION_STAFF_COLUMNS}
       FROM staff_sessions se LEFT JOIN staff s ON s.id = se.staff_id AND s.status = ? ${SESSION_STAFF_JOINS}
       WHERE se.id_hash = ?`,
      [StaffStatus.Active, idHash],
    );
    if (rows.length === 0) return null;
    const [first] = rows;
    const number = (value: unknown) => (value === null ? null : Number(value));
    const session = Object.assign(new StaffSessionEntity(), {
      idHash: first.idHash,
      staffId: Number(first.staffId),
      createdAt: Number(first.createdAt),
      lastSeenAt: Number(first.lastSeenAt),
      expiresAt: Number(first.expiresAt),
      csrfToken: first.csrfToken,
      ip: first.sessionIp,
      userAgent: first.sessionUserAgent,
      signedInWith: first.signedInWith,
      steppedUpAt: number(first.steppedUpAt),
      secondFactorPending: Boolean(Number(first.secondFactorPending)),
      failedSecondFactors: Number(first.failedSecondFactors),
    });
    return { session, staff: first.id === null ? null : toSessionStaffFromRows(rows) };
  }

  /** A staff member's live sessions (not pending a second factor), newest first. */
  listOf(staffId: number, notBefore: number): Promise<StaffSessionEntity[]> {
    return this.dataSource.getRepository(StaffSessionEntity).find({
      where: { staffId, secondFactorPending: false, expiresAt: MoreThan(notBefore) },
      order: { createdAt: 'DESC' },
    });
  }

  async insert(manager: EntityManager, row: StaffSessionEntity): Promise<void> {
    await manager.getRepository(StaffSessionEntity).insert(row);
  }

  async touch(manager: EntityManager, idHash: string, lastSeenAt: number): Promise<void> {
    await manager.getRepository(StaffSessionEntity).update({ idHash }, { lastSeenAt });
  }

  /** One more wrong second factor on a pending session; answers how many now. */
  async countFailedSecondFactor(manager: EntityManager, idHash: string): Promise<number> {
    await manager.getRepository(StaffSessionEntity).increment({ idHash }, 'failedSecondFactors', 1);
    return (await manager.getRepository(StaffSessionEntity).findOneBy({ idHash }))?.failedSecondFactors ?? 0;
  }

  async setChallenge(manager: EntityManager, idHash: string, challenge: string): Promise<void> {
    await manager.getRepository(StaffSessionEntity).update({ idHash }, { webauthnChallenge: challenge });
  }

  /** The session's pending passkey challenge, cleared as it is read: a challenge answers once. */
  async takeChallenge(manager: EntityManager, idHash: string): Promise<string | null> {
    const row = await manager.getRepository(StaffSessionEntity).findOneBy({ idHash });
    if (!row?.webauthnChallenge) return null;
    const taken = await manager
      .getRepository(StaffSessionEntity)
      .update({ idHash, webauthnChallenge: row.webauthnChallenge }, { webauthnChallenge: null });
    return (taken.affected ?? 0) > 0 ? row.webauthnChallenge : null;
  }

  async markSteppedUp(manager: EntityManager, idHash: string, at: number): Promise<void> {
    await manager.getRepository(StaffSessionEntity).update({ idHash }, { steppedUpAt: at });
  }

  async delete(manager: EntityManager, idHash: string): Promise<void> {
    await manager.getRepository(StaffSessionEntity).delete({ idHash });
  }

  /** Every session of a staff member but `keepIdHash`'s, on every api process; how many ended. */
  async deleteAllOf(manager: EntityManager, staffId: number, keepIdHash?: string): Promise<number> {
    const result = await manager
      .getRepository(StaffSessionEntity)
      .delete(keepIdHash ? { staffId, idHash: Not(keepIdHash) } : { staffId });
    return result.affected ?? 0;
  }

  /** Rows past their absolute limit, or idle, since before `before`. */
  async deleteEnded(manager: EntityManager, absoluteBefore: number, idleBefore: number): Promise<void> {
    const repository = manager.getRepository(StaffSessionEntity);
    await repository.delete({ expiresAt: LessThan(absoluteBefore) });
    await repository.delete({ lastSeenAt: LessThan(idleBefore) });
  }
}
