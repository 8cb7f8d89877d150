import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Not } from 'typeorm';

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
   * most SEARCH_MATCH_LIMIT + 1, so nothing huge is ever sorted or counted), then the page. The
   * agent's usual search (by company name, no other filter) is answered off the terms alone.
   */
  async search(search: ClientSearch): Promise<{ rows: ClientEntity[]; total: number; capped: boolean }> {
    if (search.words.length > 0 && search.sortField === 'companyName' && search.ids === undefined && search.status === undefined) {
      return this.searchByCompanyName(search);
    }
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
   * The terms carry their client's company name, so the database sorts the (at most 1,001)
   * matches it read and hands back one page of ids and how many matched: only the page's clients
   * are read, instead of every match. A search capped at 1,000 keeps the first 1,000 by name.
   */
  private async searchByCompanyName(search: ClientSearch): Promise<{ rows: ClientEntity[]; total: number; capped: boolean }> {
    const page = await this.matchingPage(search);
    const clients = page.ids.length ? await this.repo().findBy({ id: In(page.ids) }) : [];
    const byId = new Map(clients.map((client) => [client.id, client]));
    const rows = page.ids.flatMap((id) => byId.get(id) ?? []);
    return { rows, total: Math.min(page.matched, SEARCH_MATCH_LIMIT), capped: page.matched > SEARCH_MATCH_LIMIT };
  }

  private async matchingPage(search: ClientSearch): Promise<{ ids: number[]; matched: number }> {
    if (search.phrase) {
      const byPhrase = await this.pageStartingWith(search.phrase, [], search);
      if (byPhrase.matched > 0) return byPhrase;
    }
    const [driver, ...others] = [...search.words].sort((a, b) => b.length - a.length);
    return this.pageStartingWith(driver, others, search);
  }

  private async pageStartingWith(driver: string, others: string[], search: ClientSearch): Promise<{ ids: number[]; matched: number }> {
    const [matches, params] = matchesSql(driver, others);
    const limit = Math.max(0, Math.min(search.limit, SEARCH_MATCH_LIMIT - search.offset));
    if (limit > 0) {
      const order = search.sortOrder === 'DESC' ? 'DESC' : 'ASC';
      const rows: Array<{ clientId: number | string; matched: number | string }> = await this.dataSource.query(
        `SELECT m.client_id AS clientId, COUNT(*) OVER () AS matched FROM (${matches}) m ` +
          `ORDER BY m.company_name ${order}, m.client_id ${order} LIMIT ? OFFSET ?`,
        [...params, limit, search.offset],
      );
      if (rows.length > 0) return { ids: rows.map((row) => Number(row.clientId)), matched: Number(rows[0].matched) };
      if (search.offset === 0) return { ids: [], matched: 0 };
    }
    // A page past the matches says nothing of how many there are.
    const [{ matched }]: Array<{ matched: number | string }> = await this.dataSource.query(`SELECT COUNT(*) AS matched FROM (${matches}) m`, params);
    return { ids: [], matched: Number(matched) };
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
    const rows: Array<{ client_id: number | string }> = await this.dataSource.query(...matchesSql(driver, others));
    return rows.map((row) => Number(row.client_id));
  }
}

/**
 * The distinct clients (with their company names) having `driver` and every other word as the
 * start of one of their terms, at most SEARCH_MATCH_LIMIT + 1: the driver is a range on the
 * primary key (term, client_id), each other word an EXISTS per candidate on the client_id index.
 */
function matchesSql(driver: string, others: string[]): [string, string[]] {
  const exists = others.map((_, i) =>
    ` AND EXISTS (SELECT 1 FROM client_search_terms t${i + 1} WHERE t${i + 1}.client_id = t0.client_id` +
      ` AND t${i + 1}.term >= ? AND t${i + 1}.term < ?)`);
  return [
    `SELECT DISTINCT t0.client_id, t0.company_name FROM client_search_terms t0 WHERE t0.term >= ? AND t0.term < ?${exists.join('')}` +
      ` LIMIT ${SEARCH_MATCH_LIMIT + 1}`,
    [driver, ...others].flatMap((word) => [word, prefixEnd(word)]),
  ];
}
