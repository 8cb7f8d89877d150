import { Injectable } from '@nestjs/common';

import {
  ActivityAction,
  BUILT_IN_ROLE_PERMISSIONS,
  BuiltInRole,
  ErrorCode,
  RoleResponse,
  SubjectType,
} from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { filterIds, filterText, ListQuery } from '../../common/http/list-query';
import { RequestContext } from '../../common/http/request-context';
import { TransactionRunner } from '../../database/transaction-runner';
import { staffActor } from '../audit/audit-actors';
import { AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { SaveRoleDto } from './dto/save-role.dto';
import { RoleEntity } from './role.entity';
import { toRoleResponse } from './role.mapper';
import { RoleRepository, RoleSortField } from './role.repository';

@Injectable()
export class RolesService {
  constructor(
    private readonly roles: RoleRepository,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
  ) {}

  async list(query: ListQuery<RoleSortField>): Promise<{ rows: RoleResponse[]; total: number }> {
    const filter = { q: filterText(query.filter, 'q'), ids: filterIds(query.filter) };
    const [roles, total] = await this.roles.search(filter, query.offset, query.limit, query.sortField, query.sortOrder);
    const counts = await this.roles.staffCounts(roles.map((role) => role.id));
    return { rows: roles.map((role) => toRoleResponse(role, counts.get(role.id) ?? 0)), total };
  }

  async get(id: number): Promise<RoleResponse> {
    const role = await this.require(id);
    const counts = await this.roles.staffCounts([id]);
    return toRoleResponse(role, counts.get(id) ?? 0);
  }

  async create(dto: SaveRoleDto, context: RequestContext): Promise<RoleResponse> {
    await this.assertNameFree(dto.name);
    const id = await this.transactions.run(async (manager) => {
      const role = await this.roles.save(
        manager,
        Object.assign(new RoleEntity(), {
          name: dto.name.trim(),
          description: dto.description.trim(),
          builtIn: false,
        }),
      );
      await this.roles.replaceGrants(manager, role.id, dto.permissions);
      await this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.RoleCreated,
        ip: context.ip,
        userAgent: context.userAgent,
        subject: { type: SubjectType.Role, id: role.id, name: role.name },
        details: { permissions: dto.permissions },
      });
      return role.id;
    });
    return this.get(id);
  }

  async update(id: number, dto: SaveRoleDto, context: RequestContext): Promise<RoleResponse> {
    const role = await this.requireEditable(id);
    await this.assertNameFree(dto.name, id);
    const before = toRoleResponse(role, 0);
    await this.transactions.run(async (manager) => {
      role.name = dto.name.trim();
      role.description = dto.description.trim();
      await this.roles.save(manager, role);
      await this.roles.replaceGrants(manager, id, dto.permissions);
      await this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.RoleUpdated,
        ip: context.ip,
        userAgent: context.userAgent,
        subject: { type: SubjectType.Role, id, name: role.name },
        details: {
          name: { from: before.name, to: role.name },
          permissions: { from: before.permissions, to: dto.permissions },
        },
      });
    });
    return this.get(id);
  }

  async delete(id: number, context: RequestContext): Promise<RoleResponse> {
    const response = await this.get(id);
    await this.requireEditable(id);
    if (response.staffCount > 0) throw new DomainError(ErrorCode.RoleInUse, { count: response.staffCount });
    await this.transactions.run(async (manager) => {
      await this.roles.delete(manager, id);
      await this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.RoleDeleted,
        ip: context.ip,
        userAgent: context.userAgent,
        subject: { type: SubjectType.Role, id, name: response.name },
        details: { permissions: response.permissions },
      });
    });
    return response;
  }

  /**
   * Built-in roles follow the catalogue in libs/domain: created on first start, and their grants
   * brought in line whenever a release changes them.
   */
  async syncBuiltInRoles(): Promise<void> {
    await this.transactions.run(async (manager) => {
      for (const name of Object.values(BuiltInRole)) {
        let role = await this.roles.findByName(name, manager);
        const wanted = BUILT_IN_ROLE_PERMISSIONS[name];
        const current = new Set((role?.grants ?? []).map((grant) => grant.permission));
        if (role && current.size === wanted.length && wanted.every((p) => current.has(p))) continue;
        role ??= await this.roles.save(
          manager,
          Object.assign(new RoleEntity(), { name, description: '', builtIn: true }),
        );
        await this.roles.replaceGrants(manager, role.id, wanted);
        await this.audit.record(manager, {
          actor: SYSTEM_ACTOR,
          action: current.size ? ActivityAction.RoleUpdated : ActivityAction.RoleCreated,
          subject: { type: SubjectType.Role, id: role.id, name },
          details: { permissions: wanted, builtIn: true },
        });
      }
    });
  }

  private async require(id: number): Promise<RoleEntity> {
    const role = await this.roles.findById(id);
    if (!role) throw new DomainError(ErrorCode.NotFound, { resource: 'role' });
    return role;
  }

  private async requireEditable(id: number): Promise<RoleEntity> {
    const role = await this.require(id);
    if (role.builtIn) throw new DomainError(ErrorCode.RoleBuiltIn);
    return role;
  }

  private async assertNameFree(name: string, exceptId?: number): Promise<void> {
    if (await this.roles.existsByName(name.trim(), exceptId)) {
      throw new DomainError(
        ErrorCode.RoleNameTaken,
        { name: name.trim() },
        { name: { key: 'errors.ROLE_NAME_TAKEN', params: { name: name.trim() } } },
      );
    }
  }
}
