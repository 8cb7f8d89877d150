import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Not } from 'typeorm';

import { UserSignInEntity } from './user-sign-in.entity';
import { UserEntity } from './user.entity';

export const USER_SORT_FIELDS = ['id', 'email', 'lastName', 'lastLoginAt', 'createdAt'] as const;
export type UserSortField = (typeof USER_SORT_FIELDS)[number];

export interface UserSearch {
  /** The start of an email address, lower-case. */
  emailPrefix?: string;
  ids?: number[];
  offset: number;
  limit: number;
  sortField: UserSortField;
  sortOrder: 'ASC' | 'DESC';
}

@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(UserEntity);
  }

  findById(id: number, manager?: EntityManager): Promise<UserEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** Emails are stored lower-case; both dialects' collations also compare them case-insensitively. */
  findByEmail(email: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.repo(manager).findOneBy({ email: email.toLowerCase() });
  }

  existsByEmail(email: string, exceptId: number, manager?: EntityManager): Promise<boolean> {
    return this.repo(manager).existsBy({ email: email.toLowerCase(), id: Not(exceptId) });
  }

  /** A prefix LIKE on users.email is a range scan of its unique index on both dialects. */
  search(search: UserSearch): Promise<[UserEntity[], number]> {
    const query = this.repo().createQueryBuilder('user');
    if (search.emailPrefix) {
      // '!' escapes LIKE wildcards on both dialects (a backslash means different things to each).
      query.andWhere("user.email LIKE :prefix ESCAPE '!'", {
        prefix: `${search.emailPrefix.replace(/[!%_]/g, '!$&')}%`,
      });
    }
    if (search.ids) query.andWhere(search.ids.length ? 'user.id IN (:...ids)' : '1 = 0', { ids: search.ids });
    return query
      .orderBy(`user.${search.sortField}`, search.sortOrder)
      .addOrderBy('user.id', search.sortOrder)
      .skip(search.offset)
      .take(search.limit)
      .getManyAndCount();
  }

  /** A new user; an existing one changes through updateProfile, its credentials through the credentials module. */
  insert(manager: EntityManager, user: UserEntity): Promise<UserEntity> {
    if (user.id !== undefined) throw new Error('UserRepository.insert takes a new user');
    return this.repo(manager).save(user);
  }

  async updateProfile(
    manager: EntityManager,
    id: number,
    profile: Pick<UserEntity, 'firstName' | 'lastName' | 'status'>,
  ): Promise<void> {
    await this.repo(manager).update({ id }, profile);
  }

  /** A client-area sign-in attempt; a success also becomes the user's last sign-in (Users tab). */
  async recordSignIn(manager: EntityManager, signIn: Omit<UserSignInEntity, 'id'>): Promise<void> {
    await manager.getRepository(UserSignInEntity).insert(signIn);
    if (signIn.succeeded) {
      await manager
        .getRepository(UserEntity)
        .update({ id: signIn.userId }, { lastLoginAt: signIn.occurredAt, lastLoginIp: signIn.ip });
    }
  }

  /** Whether the user signed in from this address before: a lockout does not apply there. */
  hasSignedInFrom(userId: number, ip: string): Promise<boolean> {
    return this.dataSource.getRepository(UserSignInEntity).existsBy({ userId, ip, succeeded: true });
  }

  /** A user's client-area sign-ins, newest first, read by the (user_id, id) index. */
  pageOfSignIns(userId: number, offset: number, limit: number): Promise<[UserSignInEntity[], number]> {
    return this.dataSource.getRepository(UserSignInEntity).findAndCount({
      where: { userId },
      order: { id: 'DESC' },
      skip: offset,
      take: limit,
    });
  }
}
