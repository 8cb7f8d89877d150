import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In, Not } from 'typeorm';

import { BuiltInRole, Locale, SessionStaff, StaffStatus } from '@keydesk/domain';

import { containsPattern } from '../../common/text/fold';
import { StaffSessionEntity } from '../auth/staff-session.entity';
import { StaffEntity } from './staff.entity';
import { SessionStaffRow, toSessionStaffFromRows } from './staff.mapper';

/** A staff member (alias s) once per role and permission: the rows toSessionStaffFromRows reads. */
export const SESSION_STAFF_COLUMNS =
  's.id, s.username, s.email, s.display_name AS displayName, r.id AS roleId, r.name AS roleName, g.permission';
export const SESSION_STAFF_JOINS =
  'LEFT JOIN staff_roles sr ON sr.staff_id = s.id LEFT JOIN roles r ON r.id = sr.role_id ' +
  'LEFT JOIN role_permissions g ON g.role_id = r.id';

export const STAFF_SORT_FIELDS = [
  'id',
  'username',
  'displayName',
  'email',
  'status',
  'lastLoginAt',
  'createdAt',
] as const;
export type StaffSortField = (typeof STAFF_SORT_FIELDS)[number];

export interface StaffSearch {
  q?: string;
  ids?: number[];
  status?: string;
  roleId?: number;
  offset: number;
  limit: number;
  sortField: StaffSortField;
  sortOrder: 'ASC' | 'DESC';
}

@Injectable()
export class StaffRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(StaffEntity);
  }

  /** Sign-in accepts the user name or the email; both are stored lower-case. */
  findByLogin(login: string): Promise<StaffEntity | null> {
    const value = login.trim().toLowerCase();
    return this.repo().findOne({
      where: [{ username: value }, { email: value }],
      relations: { roles: { grants: true } },
    });
  }

  findWithRoles(id: number, manager?: EntityManager): Promise<StaffEntity | null> {
    return this.repo(manager).findOne({ where: { id }, relations: { roles: { grants: true } } });
  }

  /**
   * The active staff member behind a session, with roles and permissions, in one round trip:
   * every signed-in request asks, so no entity graph is built (findWithRoles costs two queries
   * and a hydration). Null when the staff member is gone or not active. Requests usually get it
   * with their session instead (StaffSessionRepository.findWithStaff).
   */
  async findActiveSessionStaff(id: number): Promise<SessionStaff | null> {
    const rows: SessionStaffRow[] = await this.dataSource.query(
      `SELECT ${SESSION_STAFF_COLUMNS} FROM staff s ${SESSION_STAFF_JOINS} WHERE s.id = ? AND s.status = ?`,
      [id, StaffStatus.Active],
    );
    return rows.length ? toSessionStaffFromRows(rows) : null;
  }

  async search(search: StaffSearch): Promise<[StaffEntity[], number]> {
    const query = this.repo().createQueryBuilder('staff').leftJoinAndSelect('staff.roles', 'role');
    if (search.q) {
      const like = containsPattern(search.q);
      query.andWhere(
        new Brackets((where) =>
          where
            .where("staff.username LIKE :like ESCAPE '!'", { like })
            .orWhere("staff.email LIKE :like ESCAPE '!'", { like })
            .orWhere("LOWER(staff.display_name) LIKE :like ESCAPE '!'", { like }),
        ),
      );
    }
    if (search.ids) query.andWhere(search.ids.length ? 'staff.id IN (:...ids)' : '1 = 0', { ids: search.ids });
    if (search.status) query.andWhere('staff.status = :status', { status: search.status });
    if (search.roleId !== undefined) {
      query.andWhere('staff.id IN (SELECT sr.staff_id FROM staff_roles sr WHERE sr.role_id = :roleId)', {
        roleId: search.roleId,
      });
    }
    return query
      .orderBy(`staff.${search.sortField}`, search.sortOrder)
      .addOrderBy('staff.id', 'ASC')
      .skip(search.offset)
      .take(search.limit)
      .getManyAndCount();
  }

  existsByUsername(username: string): Promise<boolean> {
    return this.repo().existsBy({ username: username.toLowerCase() });
  }

  existsByEmail(email: string, exceptId?: number): Promise<boolean> {
    const where = { email: email.toLowerCase(), ...(exceptId ? { id: Not(exceptId) } : {}) };
    return this.repo().existsBy(where);
  }

  count(): Promise<number> {
    return this.repo().count();
  }

  /** Active staff holding the Administrator role, other than `exceptId`. */
  countOtherActiveAdministrators(manager: EntityManager, exceptId: number): Promise<number> {
    return this.repo(manager)
      .createQueryBuilder('staff')
      .innerJoin('staff.roles', 'role', 'role.name = :name AND role.built_in = :builtIn', {
        name: BuiltInRole.Administrator,
        builtIn: true,
      })
      .where('staff.status = :status AND staff.id != :exceptId', { status: StaffStatus.Active, exceptId })
      .getCount();
  }

  save(manager: EntityManager, staff: StaffEntity): Promise<StaffEntity> {
    return this.repo(manager).save(staff);
  }

  /** The language of the admin UI they signed in with is the language of their notices. */
  async recordSignIn(manager: EntityManager, id: number, at: Date, ip: string | null, language: Locale): Promise<void> {
    await this.repo(manager).update({ id }, { lastLoginAt: at, lastLoginIp: ip, language });
  }

  /** Ends every session of a staff member (disabled, password reset), on every api process. */
  async endSessions(manager: EntityManager, staffId: number, keepIdHash?: string): Promise<number> {
    const where = keepIdHash ? { staffId, idHash: Not(keepIdHash) } : { staffId };
    const result = await manager.getRepository(StaffSessionEntity).delete(where);
    return result.affected ?? 0;
  }

  findByIds(ids: number[]): Promise<StaffEntity[]> {
    return ids.length ? this.repo().findBy({ id: In(ids) }) : Promise.resolve([]);
  }
}
