import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { MessageAuthorType } from '@keydesk/domain';

import { TicketMessageEntity } from './ticket-message.entity';

export const TICKET_MESSAGE_SORT_FIELDS = ['id'] as const;
export type TicketMessageSortField = (typeof TICKET_MESSAGE_SORT_FIELDS)[number];

@Injectable()
export class TicketMessageRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(TicketMessageEntity);
  }

  /**
   * A ticket's thread, internal notes included unless `internal` says otherwise. Anything the
   * customer will see must ask for `internal: false`.
   */
  pageOfTicket(
    ticketId: number,
    internal: boolean | undefined,
    offset: number,
    limit: number,
    order: 'ASC' | 'DESC',
  ): Promise<[TicketMessageEntity[], number]> {
    return this.repo().findAndCount({
      where: internal === undefined ? { ticketId } : { ticketId, internal },
      order: { id: order },
      skip: offset,
      take: limit,
    });
  }

  addFromStaff(
    manager: EntityManager,
    ticketId: number,
    author: { id: number; displayName: string },
    body: string,
    internal: boolean,
  ): Promise<TicketMessageEntity> {
    return this.repo(manager).save(
      Object.assign(new TicketMessageEntity(), {
        ticketId,
        authorType: MessageAuthorType.Staff,
        authorStaffId: author.id,
        authorUserId: null,
        authorName: author.displayName,
        body,
        internal,
      }),
    );
  }
}
