import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Not } from 'typeorm';

import { fold, type Permission } from '@keydesk/domain';

import { containsPattern } from '../../common/text/fold';
import { RolePermissionEntity } from './role-permission.entity';
import { RoleEntity } from './role.entity';

export const ROLE_SORT_FIELDS = ['id', 'name', 'builtIn'] as const;
export type RoleSortField = (typeof ROLE_SORT_FIELDS)[number];

@Injectable()
export class RoleRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(RoleEntity);
  }

  search(
    filter: { q?: string; ids?: number[] },
    offset: number,
    limit: number,
    sortField: RoleSortField,
    sortOrder: 'ASC' | 'DESC',
  ) {
    const { q, ids } = filter;
    const query = this.repo().createQueryBuilder('role').leftJoinAndSelect('role.grants', 'grant');
    if (ids) query.andWhere(ids.length ? 'role.id IN (:...ids)' : '1 = 0', { ids });
    if (q) query.andWhere("LOWER(role.name) LIKE :like ESCAPE '!'", { like: containsPattern(q) });
    return query
      .orderBy(`role.${sortField}`, sortOrder)
      .addOrderBy('role.id', 'ASC')
      .skip(offset)
      .take(limit)
      .getManyAndCount();
  }

  findById(id: number, manager?: EntityManager): Promise<RoleEntity | null> {
    return this.repo(manager).findOne({ where: { id }, relations: { grants: true } });
  }

  findByName(name: string, manager?: EntityManager): Promise<RoleEntity | null> {
    return this.repo(manager).findOne({ where: { name }, relations: { grants: true } });
  }

  findByIds(ids: number[], manager?: EntityManager): Promise<RoleEntity[]> {
    return ids.length ? this.repo(manager).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** Case and accents aside on both dialects: "Facturacion" is taken when "Facturación" exists. */
  existsByName(name: string, exceptId?: number): Promise<boolean> {
    return this.repo()
      .createQueryBuilder('role')
      .where('LOWER(role.name) = :name', { name: fold(name) })
      .andWhere(exceptId ? 'role.id != :exceptId' : '1=1', { exceptId })
      .getExists();
  }

  /** Staff counts per role, for the list and for refusing to delete a role in use. */
  async staffCounts(roleIds: number[]): Promise<Map<number, number>> {
    if (roleIds.length === 0) return new Map();
    const rows: Array<{ roleId: number | string; count: number | string }> = await this.dataSource
      .createQueryBuilder()
      .select('sr.role_id', 'roleId')
      .addSelect('COUNT(*)', 'count')
      .from('staff_roles', 'sr')
      .where('sr.role_id IN (:...roleIds)', { roleIds })
      .groupBy('sr.role_id')
      .getRawMany();
    return new Map(rows.map((row) => [Number(row.roleId), Number(row.count)]));
  }

  save(manager: EntityManager, role: RoleEntity): Promise<RoleEntity> {
    return this.repo(manager).save(role);
  }

  /** Replaces a role's grants with exactly `permissions`. */
  async replaceGrants(manager: EntityManager, roleId: number, permissions: readonly Permission[]): Promise<void> {
    const grants = manager.getRepository(RolePermissionEntity);
    await grants.delete(permissions.length ? { roleId, permission: Not(In([...permissions])) } : { roleId });
    if (permissions.length) {
      await grants.upsert(
        permissions.map((permission) => ({ roleId, permission })),
        ['roleId', 'permission'],
      );
    }
  }

  async delete(manager: EntityManager, roleId: number): Promise<void> {
    await this.repo(manager).delete({ id: roleId });
  }
}
