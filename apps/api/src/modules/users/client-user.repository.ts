import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Not } from 'typeorm';

import type { ClientUserPermission } from '@keydesk/domain';

import { hydrate, selectColumns } from '../../database/hydrate';
import { ClientEntity } from '../clients/client.entity';
import { ClientUserEntity } from './client-user.entity';
import { UserEntity } from './user.entity';

export const CLIENT_USER_SORT_FIELDS = ['id', 'username', 'email', 'lastName', 'lastLoginAt'] as const;
export type ClientUserSortField = (typeof CLIENT_USER_SORT_FIELDS)[number];

const SORT_COLUMNS: Record<ClientUserSortField, string> = {
  id: 'u.id',
  username: 'm.username',
  email: 'u.email',
  lastName: 'u.last_name',
  lastLoginAt: 'u.last_login_at',
};

export interface ClientUserPage {
  offset: number;
  limit: number;
  sortField: ClientUserSortField;
  sortOrder: 'ASC' | 'DESC';
  /** The owner on top, as the Users tab shows it when no order was asked for. */
  ownerFirst: boolean;
}

/** A membership read with its user, as a Users-tab row needs it. */
export type MembershipWithUser = ClientUserEntity & { user: UserEntity };
/** A membership read with its client, as a user's page lists it. */
export type MembershipWithClient = ClientUserEntity & { client: ClientEntity };

@Injectable()
export class ClientUserRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(ClientUserEntity);
  }

  /**
   * Reads the client and locks its row until the transaction ends: every change to a client's
   * memberships takes this lock first, so owner and user-name rules are checked one change at a
   * time per client. SQLite transactions are already serialized.
   */
  lockClient(manager: EntityManager, clientId: number): Promise<ClientEntity | null> {
    const query = manager
      .getRepository(ClientEntity)
      .createQueryBuilder('client')
      .where('client.id = :clientId', { clientId });
    if (manager.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
    return query.getOne();
  }

  /**
   * Plain SQL with the count beside each row (a client has a handful of users, so the window
   * costs nothing): the Users tab is read on every profile visit.
   */
  async pageForClient(clientId: number, page: ClientUserPage): Promise<[MembershipWithUser[], number]> {
    const order = [
      ...(page.ownerFirst ? ['m.owner DESC'] : []),
      `${SORT_COLUMNS[page.sortField]} ${page.sortOrder}`,
      `u.id ${page.sortOrder}`,
    ];
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${selectColumns(this.dataSource, ClientUserEntity, 'm')}, ${selectColumns(this.dataSource, UserEntity, 'u')},
         COUNT(*) OVER () AS total
       FROM client_users m INNER JOIN users u ON u.id = m.user_id
       WHERE m.client_id = ? ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`,
      [clientId, page.limit, page.offset],
    );
    const memberships = hydrate(this.dataSource, ClientUserEntity, rows, 'm');
    const users = hydrate(this.dataSource, UserEntity, rows, 'u');
    const rowsOfPage = memberships.map((membership, i) => Object.assign(membership, { user: users[i] }));
    // A page past the end says nothing of how many there are.
    const total = rows.length ? Number(rows[0].total) : page.offset > 0 ? await this.repo().countBy({ clientId }) : 0;
    return [rowsOfPage, total];
  }

  find(clientId: number, userId: number, manager?: EntityManager): Promise<MembershipWithUser | null> {
    return this.repo(manager).findOne({
      where: { clientId, userId },
      relations: { user: true },
    }) as Promise<MembershipWithUser | null>;
  }

  /** The client-area sign-in by client key and user name (the key as normalised, the name lower-case). */
  findByClientKeyAndUsername(
    clientKey: string,
    username: string,
  ): Promise<(MembershipWithUser & MembershipWithClient) | null> {
    return this.repo().findOne({
      where: { username, client: { clientKey } },
      relations: { user: true, client: true },
    }) as Promise<(MembershipWithUser & MembershipWithClient) | null>;
  }

  findOwner(manager: EntityManager, clientId: number): Promise<MembershipWithUser | null> {
    return this.repo(manager).findOne({
      where: { clientId, owner: true },
      relations: { user: true },
    }) as Promise<MembershipWithUser | null>;
  }

  /** User names are stored lower-case and compared case-insensitively by both dialects' collations. */
  usernameTaken(manager: EntityManager, clientId: number, username: string, exceptUserId?: number): Promise<boolean> {
    return this.repo(manager).existsBy({ clientId, username, ...(exceptUserId ? { userId: Not(exceptUserId) } : {}) });
  }

  countMembers(manager: EntityManager, clientId: number): Promise<number> {
    return this.repo(manager).countBy({ clientId });
  }

  /** The clients of each user, by company name. */
  forUsers(userIds: number[], manager: EntityManager = this.dataSource.manager): Promise<MembershipWithClient[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.repo(manager).find({
      where: { userId: In(userIds) },
      relations: { client: true },
      order: { client: { companyName: 'ASC' }, clientId: 'ASC' },
    }) as Promise<MembershipWithClient[]>;
  }

  async insert(
    manager: EntityManager,
    membership: Pick<ClientUserEntity, 'clientId' | 'userId' | 'username' | 'owner' | 'permissions'>,
  ): Promise<void> {
    await this.repo(manager).insert(membership);
  }

  async update(
    manager: EntityManager,
    clientId: number,
    userId: number,
    changes: Partial<{ username: string; owner: boolean; permissions: ClientUserPermission[] }>,
  ): Promise<void> {
    await this.repo(manager).update({ clientId, userId }, changes);
  }

  async delete(manager: EntityManager, clientId: number, userId: number): Promise<void> {
    await this.repo(manager).delete({ clientId, userId });
  }
}
