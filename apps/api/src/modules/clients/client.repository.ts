import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Not } from 'typeorm';

import { ClientEntity } from './client.entity';
import { prefixEnd } from './search-words';

/** A search keeps this many matches at most; past it the agent is asked to type more. */
export const SEARCH_MATCH_LIMIT = 1000;

export const CLIENT_SORT_FIELDS = ['id', 'companyName', 'clientKey', 'email', 'lastName', 'status', 'country', 'createdAt'] as const;
export type ClientSortField = (typeof CLIENT_SORT_FIELDS)[number];

export interface ClientSearch {
  words: string[];
  /** The words as typed, in order, for the whole-name terms. */
  phrase?: string;
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
   * Without words: clients filtered and sorted as asked. With words: the matching ids first (at
   * most SEARCH_MATCH_LIMIT + 1, so nothing huge is ever sorted or counted), then the page.
   */
  async search(search: ClientSearch): Promise<{ rows: ClientEntity[]; total: number; capped: boolean }> {
    const query = this.repo().createQueryBuilder('client');
    let matched: number[] | undefined;
    if (search.words.length > 0) {
      matched = await this.matchingIds(search.words, search.phrase);
      query.andWhere(matched.length ? 'client.id IN (:...matched)' : '1 = 0', { matched: matched.slice(0, SEARCH_MATCH_LIMIT) });
    }
    if (search.ids) query.andWhere(search.ids.length ? 'client.id IN (:...ids)' : '1 = 0', { ids: search.ids });
    if (search.status) query.andWhere('client.status = :status', { status: search.status });
    const filtered = search.ids !== undefined || search.status !== undefined || matched === undefined;
    const total = filtered ? await query.clone().getCount() : Math.min(matched!.length, SEARCH_MATCH_LIMIT);
    const rows = await query
      .orderBy(`client.${search.sortField}`, search.sortOrder)
      .addOrderBy('client.id', search.sortOrder)
      .offset(search.offset)
      .limit(search.limit)
      .getMany();
    return { rows, total, capped: (matched?.length ?? 0) > SEARCH_MATCH_LIMIT };
  }

  /**
   * Clients having every word as the start of one of their indexed words. When the words, in the
   * order typed, start a whole name ("ortiz ruiz"), that one index range answers; otherwise the
   * longest word is read as a range on the primary key (term, client_id) and each other word is
   * checked per candidate through the client_id index.
   */
  private async matchingIds(words: string[], phrase?: string): Promise<number[]> {
    if (phrase) {
      const byPhrase = await this.idsStartingWith(phrase, []);
      if (byPhrase.length > 0) return byPhrase;
    }
    const [driver, ...others] = [...words].sort((a, b) => b.length - a.length);
    return this.idsStartingWith(driver, others);
  }

  private async idsStartingWith(driver: string, others: string[]): Promise<number[]> {
    const query = this.dataSource
      .createQueryBuilder()
      .select('t0.client_id', 'clientId')
      .distinct(true)
      .from('client_search_terms', 't0')
      .where('t0.term >= :from0 AND t0.term < :to0', { from0: driver, to0: prefixEnd(driver) });
    others.forEach((word, i) => {
      const t = `t${i + 1}`;
      query.andWhere(
        `EXISTS (SELECT 1 FROM client_search_terms ${t} WHERE ${t}.client_id = t0.client_id ` +
          `AND ${t}.term >= :from${i + 1} AND ${t}.term < :to${i + 1})`,
        { [`from${i + 1}`]: word, [`to${i + 1}`]: prefixEnd(word) },
      );
    });
    const rows: Array<{ clientId: number | string }> = await query.limit(SEARCH_MATCH_LIMIT + 1).getRawMany();
    return rows.map((row) => Number(row.clientId));
  }
}
