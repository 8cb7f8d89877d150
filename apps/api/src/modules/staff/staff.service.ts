import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { ActivityAction, BuiltInRole, ErrorCode, StaffResponse, StaffStatus, SubjectType } from '@keydesk/domain';

import { StaffCredentialsService } from '../credentials/staff-credentials.service';
import { AppConfig } from '../../config/app.config';
import { DomainError } from '../../common/errors/domain-error';
import { filterIds, filterText, ListQuery } from '../../common/http/list-query';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { assertPasswordAccepted } from '../../common/validation/password-rules';
import { TransactionRunner } from '../../database/transaction-runner';
import { staffActor } from '../audit/audit-actors';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { SignInThrottleService } from '../auth/sign-in-throttle.service';
import { RoleRepository } from '../roles/role.repository';
import { CreateStaffDto } from './dto/create-staff.dto';
import { UpdateStaffDto } from './dto/update-staff.dto';
import { StaffEntity } from './staff.entity';
import { toStaffResponse } from './staff.mapper';
import { StaffRepository, StaffSortField } from './staff.repository';

@Injectable()
export class StaffService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly roles: RoleRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly credentials: StaffCredentialsService,
  ) {}

  async list(query: ListQuery<StaffSortField>): Promise<{ rows: StaffResponse[]; total: number }> {
    const roleId = filterText(query.filter, 'roleId');
    const [rows, total] = await this.staff.search({
      q: filterText(query.filter, 'q'),
      ids: filterIds(query.filter),
      status: filterText(query.filter, 'status'),
      roleId: roleId === undefined ? undefined : Number(roleId),
      ...query,
    });
    const locks = await this.throttle.lockedUntil(rows.map((row) => row.username));
    return { rows: rows.map((row) => toStaffResponse(row, locks.get(row.username) ?? null)), total };
  }

  async get(id: number): Promise<StaffResponse> {
    const staff = await this.require(id);
    const locks = await this.throttle.lockedUntil([staff.username]);
    return toStaffResponse(staff, locks.get(staff.username) ?? null);
  }

  async create(dto: CreateStaffDto, context: RequestContext): Promise<StaffResponse> {
    const username = dto.username.trim().toLowerCase();
    const email = dto.email.trim().toLowerCase();
    if (await this.staff.existsByUsername(username)) {
      throw fieldConflict(ErrorCode.UsernameTaken, 'username', { username });
    }
    if (await this.staff.existsByEmail(email)) throw fieldConflict(ErrorCode.EmailTaken, 'email', { email });
    assertPasswordAccepted(
      dto.password,
      { username, email, name: dto.displayName },
      this.config.auth.passwordMinLength,
    );
    const roles = await this.requireRoles(dto.roleIds);
    const passwordHash = await this.hasher.hash(dto.password);
    const id = await this.transactions.run(async (manager) => {
      const staff = await this.staff.save(
        manager,
        Object.assign(new StaffEntity(), {
          username,
          email,
          displayName: dto.displayName.trim(),
          passwordHash,
          status: StaffStatus.Active,
          lastLoginAt: null,
          lastLoginIp: null,
          passwordChangedAt: this.clock.now(),
          roles,
        }),
      );
      await this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.StaffCreated,
        ip: context.ip,
        userAgent: context.userAgent,
        subject: { type: SubjectType.Staff, id: staff.id, name: staff.displayName },
        details: { username, email, roles: roles.map((role) => role.name) },
      });
      return staff.id;
    });
    return this.get(id);
  }

  async update(id: number, dto: UpdateStaffDto, context: RequestContext): Promise<StaffResponse> {
    const staff = await this.require(id);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const change = (field: string, from: unknown, to: unknown) => {
      if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
    };
    if (dto.email !== undefined) {
      const email = dto.email.trim().toLowerCase();
      if (await this.staff.existsByEmail(email, id)) throw fieldConflict(ErrorCode.EmailTaken, 'email', { email });
      change('email', staff.email, email);
      staff.email = email;
    }
    if (dto.displayName !== undefined) {
      change('displayName', staff.displayName, dto.displayName.trim());
      staff.displayName = dto.displayName.trim();
    }
    if (dto.status !== undefined) {
      if (dto.status === StaffStatus.Disabled && context.staff?.id === id)
        throw new DomainError(ErrorCode.CannotDisableSelf);
      change('status', staff.status, dto.status);
      staff.status = dto.status;
    }
    if (dto.roleIds !== undefined) {
      const roles = await this.requireRoles(dto.roleIds);
      change('roles', staff.roles.map((r) => r.name).sort(), roles.map((r) => r.name).sort());
      staff.roles = roles;
    }
    if (Object.keys(changes).length === 0) return this.get(id);
    await this.transactions.run(async (manager) => {
      await this.assertAdministratorRemains(manager, staff);
      await this.staff.save(manager, staff);
      const action = changes.status
        ? staff.status === StaffStatus.Disabled
          ? ActivityAction.StaffDisabled
          : ActivityAction.StaffEnabled
        : ActivityAction.StaffUpdated;
      const endedSessions = staff.status === StaffStatus.Disabled ? await this.staff.endSessions(manager, id) : 0;
      await this.audit.record(manager, {
        actor: staffActor(context),
        action,
        ip: context.ip,
        userAgent: context.userAgent,
        subject: { type: SubjectType.Staff, id, name: staff.displayName },
        details: { changes, ...(endedSessions ? { endedSessions } : {}) },
      });
    });
    return this.get(id);
  }

  /**
   * An administrator sets a staff member's password (or their own), through the credentials
   * module: every other session of that person ends, a lockout on the name is lifted (this is
   * the way back in), and they are told.
   */
  async setPassword(id: number, password: string, context: RequestContext, keepSessionIdHash?: string): Promise<void> {
    const staff = await this.require(id);
    assertPasswordAccepted(
      password,
      { username: staff.username, email: staff.email, name: staff.displayName },
      this.config.auth.passwordMinLength,
    );
    const passwordHash = await this.hasher.hash(password);
    await this.transactions.run((manager) =>
      this.credentials.changePassword(manager, { staff, passwordHash, context, keepSessionIdHash }),
    );
  }

  private async require(id: number): Promise<StaffEntity> {
    const staff = await this.staff.findWithRoles(id);
    if (!staff) throw new DomainError(ErrorCode.NotFound, { resource: 'staff' });
    return staff;
  }

  private async requireRoles(ids: number[]) {
    const roles = await this.roles.findByIds(ids);
    if (roles.length !== ids.length) {
      throw new DomainError(ErrorCode.ValidationFailed, {}, { roleIds: { key: 'validation.invalid' } });
    }
    return roles;
  }

  /** Nobody, not even an administrator, may leave Keydesk without an active administrator. */
  private async assertAdministratorRemains(manager: EntityManager, staff: StaffEntity): Promise<void> {
    const stillAdministrator =
      staff.status === StaffStatus.Active &&
      staff.roles.some((role) => role.builtIn && role.name === BuiltInRole.Administrator);
    if (stillAdministrator) return;
    if ((await this.staff.countOtherActiveAdministrators(manager, staff.id)) === 0) {
      throw new DomainError(ErrorCode.LastAdministrator);
    }
  }
}

function fieldConflict(code: ErrorCode, field: string, params: Record<string, string>): DomainError {
  return new DomainError(code, params, { [field]: { key: `errors.${code}`, params } });
}
