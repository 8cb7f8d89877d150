import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Not, SelectQueryBuilder } from 'typeorm';

import { ClientEntity } from './client.entity';
import { prefixEnd } from './search-words';

export const CLIENT_SORT_FIELDS = ['id', 'companyName', 'clientKey', 'email', 'lastName', 'status', 'country', 'createdAt'] as const;
export type ClientSortField = (typeof CLIENT_SORT_FIELDS)[number];

export interface ClientSearch {
  words: string[];
  ids?: number[];
  status?: string;
  offset: number;
  limit: number;
  sortField: ClientSortField;
  sortOrder: 'ASC' | 'DESC';
}

@Injectable()
export class ClientRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(ClientEntity);
  }

  findById(id: number, manager?: EntityManager): Promise<ClientEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  existsByKey(clientKey: string, exceptId?: number): Promise<boolean> {
    return this.repo().existsBy({ clientKey, ...(exceptId ? { id: Not(exceptId) } : {}) });
  }

  save(manager: EntityManager, client: ClientEntity): Promise<ClientEntity> {
    return this.repo(manager).save(client);
  }

  /**
   * Each typed word must start one of the client's indexed words. Every word is an index range
   * scan on client_search_terms' primary key (term, client_id); clients are then read by id.
   */
  async search(search: ClientSearch): Promise<[ClientEntity[], number]> {
    const query = this.filtered(search);
    const total = await query.clone().getCount();
    const rows = await query
      .orderBy(`client.${search.sortField}`, search.sortOrder)
      .addOrderBy('client.id', search.sortOrder)
      .offset(search.offset)
      .limit(search.limit)
      .getMany();
    return [rows, total];
  }

  private filtered(search: ClientSearch): SelectQueryBuilder<ClientEntity> {
    const query = this.repo().createQueryBuilder('client');
    search.words.forEach((word, i) => {
      query.andWhere(
        `client.id IN (SELECT t${i}.client_id FROM client_search_terms t${i} WHERE t${i}.term >= :from${i} AND t${i}.term < :to${i})`,
        { [`from${i}`]: word, [`to${i}`]: prefixEnd(word) },
      );
    });
    if (search.ids) query.andWhere(search.ids.length ? 'client.id IN (:...ids)' : '1 = 0', { ids: search.ids });
    if (search.status) query.andWhere('client.status = :status', { status: search.status });
    return query;
  }
}
