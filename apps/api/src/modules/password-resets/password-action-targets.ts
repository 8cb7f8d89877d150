import { Injectable } from '@nestjs/common';

import { ErrorCode } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { ClientEntity } from '../clients/client.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import { TicketRepository } from '../tickets/ticket.repository';
import { ClientUserRepository, MembershipWithClient } from '../users/client-user.repository';
import { UserEntity } from '../users/user.entity';
import { UserRepository } from '../users/user.repository';

/**
 * Whom a password action on the Manage user page is about: the user, the client it is done for
 * (its language is the mail's and the reply's) and the ticket the customer is told on. Shared by
 * "send reset email" and "change password", which must refuse the same things the same way.
 */
@Injectable()
export class PasswordActionTargets {
  constructor(
    private readonly users: UserRepository,
    private readonly memberships: ClientUserRepository,
    private readonly tickets: TicketRepository,
  ) {}

  async requireUser(id: number): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw new DomainError(ErrorCode.NotFound, { resource: 'user' });
    return user;
  }

  /** The named client if the user belongs to it; else the first of the user's clients. */
  async chooseMembership(user: UserEntity, clientId: number | undefined): Promise<MembershipWithClient> {
    const memberships = await this.memberships.forUsers([user.id]);
    const membership = clientId === undefined ? memberships[0] : memberships.find((m) => m.clientId === clientId);
    if (membership) return membership;
    const key = clientId === undefined ? 'passwordReset.noClient' : 'passwordReset.notUserClient';
    throw new DomainError(ErrorCode.ValidationFailed, {}, { clientId: { key } });
  }

  async requireTicketOf(client: ClientEntity, ticketId: number): Promise<TicketEntity> {
    const ticket = await this.tickets.findById(ticketId);
    if (!ticket || ticket.clientId !== client.id) {
      throw new DomainError(ErrorCode.ValidationFailed, {}, { ticketId: { key: 'passwordReset.notClientTicket' } });
    }
    return ticket;
  }
}
