import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';

import { TicketPriority, TicketStatus } from '@keydesk/domain';

import { containsPattern } from '../../common/text/fold';
import { ClientUserEntity } from '../users/client-user.entity';
import { TicketFilter } from './ticket-filter';
import { TicketEntity } from './ticket.entity';

export const TICKET_SORT_FIELDS = ['id', 'lastReplyAt', 'createdAt', 'priority', 'status'] as const;
export type TicketSortField = (typeof TICKET_SORT_FIELDS)[number];

/** Priority and status sort in catalogue order (urgent above low), not alphabetically. */
const RANKS: Partial<Record<TicketSortField, readonly string[]>> = {
  priority: Object.values(TicketPriority),
  status: Object.values(TicketStatus),
};

export type TicketChanges = Partial<
  Pick<TicketEntity, 'status' | 'priority' | 'department' | 'assignedStaffId' | 'lastReplyAt'>
>;

export interface TicketPage {
  offset: number;
  limit: number;
  sortField: TicketSortField;
  sortOrder: 'ASC' | 'DESC';
}

@Injectable()
export class TicketRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(TicketEntity);
  }

  /** With `client.companyName` loaded. */
  findById(id: number): Promise<TicketEntity | null> {
    return this.withCompany(this.repo().createQueryBuilder('ticket')).where('ticket.id = :id', { id }).getOne();
  }

  async search(filter: TicketFilter, page: TicketPage): Promise<[TicketEntity[], number]> {
    const query = this.filtered(filter);
    const total = await query.clone().getCount();
    const ranks = RANKS[page.sortField];
    if (ranks) {
      // The values come from the catalogue, never from the request.
      const rank = ranks.map((value, i) => `WHEN '${value}' THEN ${i}`).join(' ');
      query.addSelect(`CASE ticket.${page.sortField} ${rank} END`, 'sort_rank').orderBy('sort_rank', page.sortOrder);
    } else {
      query.orderBy(`ticket.${page.sortField}`, page.sortOrder);
    }
    const rows = await query.addOrderBy('ticket.id', page.sortOrder).offset(page.offset).limit(page.limit).getMany();
    return [rows, total];
  }

  isUserOfClient(clientId: number, userId: number): Promise<boolean> {
    return this.dataSource.getRepository(ClientUserEntity).existsBy({ clientId, userId });
  }

  save(manager: EntityManager, ticket: TicketEntity): Promise<TicketEntity> {
    return this.repo(manager).save(ticket);
  }

  /** Only the named columns: a reply and an edit of the same ticket do not overwrite each other. */
  async update(manager: EntityManager, id: number, changes: TicketChanges): Promise<void> {
    await this.repo(manager).update({ id }, changes);
  }

  private filtered(filter: TicketFilter): SelectQueryBuilder<TicketEntity> {
    const query = this.withCompany(this.repo().createQueryBuilder('ticket'));
    if (filter.ids) query.andWhere(filter.ids.length ? 'ticket.id IN (:...ids)' : '1 = 0', { ids: filter.ids });
    if (filter.statuses) query.andWhere('ticket.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.department) query.andWhere('ticket.department = :department', { department: filter.department });
    if (filter.clientId) query.andWhere('ticket.client_id = :clientId', { clientId: filter.clientId });
    if (filter.assignedStaffId)
      query.andWhere('ticket.assigned_staff_id = :staffId', { staffId: filter.assignedStaffId });
    if (filter.userId) query.andWhere('ticket.user_id = :userId', { userId: filter.userId });
    filter.words.forEach((word, i) => {
      // '!' escapes LIKE wildcards on both dialects (a backslash means different things to each).
      const like = containsPattern(word);
      query.andWhere(`LOWER(ticket.subject) LIKE :word${i} ESCAPE '!'`, { [`word${i}`]: like });
    });
    return query;
  }

  /** One join for a whole page, not a query per row. */
  private withCompany(query: SelectQueryBuilder<TicketEntity>): SelectQueryBuilder<TicketEntity> {
    return query.innerJoin('ticket.client', 'client').addSelect(['client.id', 'client.companyName']);
  }
}
