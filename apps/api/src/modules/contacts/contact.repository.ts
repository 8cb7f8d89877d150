import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { ContactEntity } from './contact.entity';

export const CONTACT_SORT_FIELDS = [
  'id',
  'firstName',
  'lastName',
  'email',
  'receivesSecurityEmails',
  'createdAt',
] as const;
export type ContactSortField = (typeof CONTACT_SORT_FIELDS)[number];

export interface ContactSearch {
  ids?: number[];
  offset: number;
  limit: number;
  sortField: ContactSortField;
  sortOrder: 'ASC' | 'DESC';
}

@Injectable()
export class ContactRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(ContactEntity);
  }

  /** A contact only through its client: an id of another client's contact is not found. */
  findOfClient(clientId: number, id: number): Promise<ContactEntity | null> {
    return this.repo().findOneBy({ id, clientId });
  }

  pageOfClient(clientId: number, search: ContactSearch): Promise<[ContactEntity[], number]> {
    const query = this.repo().createQueryBuilder('contact').where('contact.client_id = :clientId', { clientId });
    if (search.ids) query.andWhere(search.ids.length ? 'contact.id IN (:...ids)' : '1 = 0', { ids: search.ids });
    return query
      .orderBy(`contact.${search.sortField}`, search.sortOrder)
      .addOrderBy('contact.id', search.sortOrder)
      .offset(search.offset)
      .limit(search.limit)
      .getManyAndCount();
  }

  /** Emails are stored lower-case, so equality is enough on both dialects. */
  existsByEmail(clientId: number, email: string, exceptId?: number): Promise<boolean> {
    const query = this.repo()
      .createQueryBuilder('contact')
      .where('contact.client_id = :clientId AND contact.email = :email', { clientId, email });
    if (exceptId) query.andWhere('contact.id != :exceptId', { exceptId });
    return query.getExists();
  }

  save(manager: EntityManager, contact: ContactEntity): Promise<ContactEntity> {
    return this.repo(manager).save(contact);
  }

  async delete(manager: EntityManager, id: number): Promise<void> {
    await this.repo(manager).delete({ id });
  }
}
