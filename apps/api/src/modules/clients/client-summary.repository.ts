import { Injectable } from '@nestjs/common';
import { DataSource, Not } from 'typeorm';

import { TicketStatus } from '@keydesk/domain';

import { ContactEntity } from '../contacts/contact.entity';
import { NoteEntity } from '../notes/note.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import { ClientUserEntity } from '../users/client-user.entity';
import { UserEntity } from '../users/user.entity';

const SUMMARY_ROWS = 10;

/** The reads behind a profile's Summary tab, each one indexed by client. */
@Injectable()
export class ClientSummaryRepository {
  constructor(private readonly dataSource: DataSource) {}

  owner(clientId: number): Promise<(ClientUserEntity & { user: UserEntity }) | null> {
    return this.dataSource.getRepository(ClientUserEntity).findOne({
      where: { clientId, owner: true },
      relations: { user: true },
    }) as Promise<(ClientUserEntity & { user: UserEntity }) | null>;
  }

  securityContacts(clientId: number): Promise<ContactEntity[]> {
    return this.dataSource.getRepository(ContactEntity).find({
      where: { clientId, receivesSecurityEmails: true },
      order: { id: 'ASC' },
    });
  }

  openTickets(clientId: number): Promise<TicketEntity[]> {
    return this.dataSource.getRepository(TicketEntity).find({
      where: { clientId, status: Not(TicketStatus.Closed) },
      order: { lastReplyAt: 'DESC' },
      take: SUMMARY_ROWS,
    });
  }

  stickyNotes(clientId: number): Promise<NoteEntity[]> {
    return this.dataSource.getRepository(NoteEntity).find({
      where: { clientId, sticky: true },
      order: { id: 'DESC' },
      take: SUMMARY_ROWS,
    });
  }
}
