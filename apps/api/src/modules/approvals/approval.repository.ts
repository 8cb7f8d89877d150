import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere, In, LessThanOrEqual, MoreThan, MoreThanOrEqual } from 'typeorm';

import { ApprovalState, AssuredAction } from '@keydesk/domain';

import { ApprovalEntity } from './approval.entity';

export const APPROVAL_SORT_FIELDS = ['id', 'requestedAt', 'state', 'action'] as const;
export type ApprovalSortField = (typeof APPROVAL_SORT_FIELDS)[number];

export interface ApprovalFilter {
  states?: ApprovalState[];
  userId?: number;
  staffId?: number;
  action?: AssuredAction;
  requestedBy?: number;
  ids?: number[];
}

/** The moment an approval is used, and by whom, for what: all of it in one conditional UPDATE. */
export interface ApprovalUse {
  id: number;
  requestedBy: number;
  actions: readonly AssuredAction[];
  userId: number | null;
  staffId: number | null;
}

/** Approvals: each change of state is one conditional UPDATE, so of two at once exactly one wins. */
@Injectable()
export class ApprovalRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(ApprovalEntity);
  }

  findById(id: number, manager?: EntityManager): Promise<ApprovalEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  async insert(manager: EntityManager, row: Omit<ApprovalEntity, 'id'>): Promise<ApprovalEntity> {
    const entity = Object.assign(new ApprovalEntity(), row);
    await this.repo(manager).insert(entity);
    return entity;
  }

  page(
    filter: ApprovalFilter,
    page: { offset: number; limit: number; sortField: ApprovalSortField; sortOrder: 'ASC' | 'DESC' },
  ): Promise<[ApprovalEntity[], number]> {
    const where: FindOptionsWhere<ApprovalEntity> = {};
    if (filter.states) where.state = In(filter.states);
    if (filter.userId !== undefined) where.userId = filter.userId;
    if (filter.staffId !== undefined) where.staffId = filter.staffId;
    if (filter.action !== undefined) where.action = filter.action;
    if (filter.requestedBy !== undefined) where.requestedBy = filter.requestedBy;
    if (filter.ids) where.id = In(filter.ids);
    return this.repo().findAndCount({
      where,
      order: { [page.sortField]: page.sortOrder, id: page.sortOrder },
      skip: page.offset,
      take: page.limit,
    });
  }

  async decide(
    manager: EntityManager,
    id: number,
    nowMs: number,
    decision: Pick<ApprovalEntity, 'state' | 'decidedBy' | 'decidedByName' | 'comment' | 'expiresAt'>,
  ): Promise<boolean> {
    const result = await this.repo(manager).update(
      { id, state: ApprovalState.Pending, expiresAt: MoreThan(nowMs) },
      { ...decision, decidedAt: nowMs },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Marks the approval used if it is approved, unexpired, the requester's, for one of these actions and this subject. */
  async use(manager: EntityManager, use: ApprovalUse, nowMs: number): Promise<boolean> {
    const result = await this.repo(manager).update(
      {
        id: use.id,
        state: ApprovalState.Approved,
        expiresAt: MoreThan(nowMs),
        requestedBy: use.requestedBy,
        action: In([...use.actions]),
        ...(use.userId !== null ? { userId: use.userId } : { staffId: use.staffId! }),
      },
      { state: ApprovalState.Used, usedAt: nowMs },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Pending or approved requests whose time ran out, a batch at a time. */
  overdue(nowMs: number, limit: number): Promise<ApprovalEntity[]> {
    return this.repo().find({
      where: [
        { state: ApprovalState.Pending, expiresAt: LessThanOrEqual(nowMs) },
        { state: ApprovalState.Approved, expiresAt: LessThanOrEqual(nowMs) },
      ],
      order: { id: 'ASC' },
      take: limit,
    });
  }

  async expire(manager: EntityManager, row: ApprovalEntity, nowMs: number): Promise<boolean> {
    const result = await this.repo(manager).update(
      { id: row.id, state: row.state, expiresAt: LessThanOrEqual(nowMs) },
      { state: ApprovalState.Expired },
    );
    return (result.affected ?? 0) > 0;
  }

  countDeniedOf(requestedBy: number, sinceMs: number): Promise<number> {
    return this.repo().countBy({ requestedBy, state: ApprovalState.Denied, decidedAt: MoreThanOrEqual(sinceMs) });
  }
}
