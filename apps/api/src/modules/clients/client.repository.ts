import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Not, SelectQueryBuilder } from 'typeorm';

import { ClientEntity } from './client.entity';
import { prefixEnd } from './search-words';

/** A search keeps this many matches at most; past it the agent is asked to type more. */
export const SEARCH_MATCH_LIMIT = 1000;

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
   * Without words: clients filtered and sorted as asked. With words: every word must start one
   * of the client's indexed words. The longest word (usually the most selective) is read as an
   * index range on client_search_terms' primary key; each other word is checked per candidate
   * through the client_id index; at most SEARCH_MATCH_LIMIT + 1 candidates are kept, so a search
   * never sorts or counts more rows than that, however common the word ("comercializadora").
   */
  async search(search: ClientSearch): Promise<{ rows: ClientEntity[]; total: number; capped: boolean }> {
    const query = this.repo().createQueryBuilder('client');
    if (search.words.length > 0) this.joinMatches(query, search.words);
    if (search.ids) query.andWhere(search.ids.length ? 'client.id IN (:...ids)' : '1 = 0', { ids: search.ids });
    if (search.status) query.andWhere('client.status = :status', { status: search.status });
    const total = await query.clone().getCount();
    const rows = await query
      .orderBy(`client.${search.sortField}`, search.sortOrder)
      .addOrderBy('client.id', search.sortOrder)
      .offset(search.offset)
      .limit(search.limit)
      .getMany();
    const capped = search.words.length > 0 && total > SEARCH_MATCH_LIMIT;
    return { rows, total: Math.min(total, SEARCH_MATCH_LIMIT), capped };
  }

  private joinMatches(query: SelectQueryBuilder<ClientEntity>, words: string[]): void {
    const [driver, ...others] = [...words].sort((a, b) => b.length - a.length);
    query.innerJoin((sub) => {
      sub.select('t0.client_id', 'client_id').distinct(true).from('client_search_terms', 't0')
        .where('t0.term >= :from0 AND t0.term < :to0', { from0: driver, to0: prefixEnd(driver) });
      others.forEach((word, i) => {
        const t = `t${i + 1}`;
        sub.andWhere(
          `EXISTS (SELECT 1 FROM client_search_terms ${t} WHERE ${t}.client_id = t0.client_id ` +
            `AND ${t}.term >= :from${i + 1} AND ${t}.term < :to${i + 1})`,
          { [`from${i + 1}`]: word, [`to${i + 1}`]: prefixEnd(word) },
        );
      });
      return sub.limit(SEARCH_MATCH_LIMIT + 1);
    }, 'matched', 'matched.client_id = client.id');
  }
}
