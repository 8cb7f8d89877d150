import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Not } from 'typeorm';

import { hydrate } from '../../database/hydrate';
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

  /** Plain SQL: every profile tab reads its client first. */
  async findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<ClientEntity | null> {
    const rows: Array<Record<string, unknown>> = await manager.query('SELECT * FROM clients WHERE id = ?', [id]);
    return hydrate(manager, ClientEntity, rows)[0] ?? null;
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
   * matches it read and joins only the page's clients, instead of reading every match. A search
   * capped at 1,000 keeps the first 1,000 by name.
   */
  private async searchByCompanyName(search: ClientSearch): Promise<{ rows: ClientEntity[]; total: number; capped: boolean }> {
    const { rows, matched } = await this.matchingPage(search);
    return { rows, total: Math.min(matched, SEARCH_MATCH_LIMIT), capped: matched > SEARCH_MATCH_LIMIT };
  }

  private async matchingPage(search: ClientSearch): Promise<{ rows: ClientEntity[]; matched: number }> {
    if (search.phrase) {
      const byPhrase = await this.pageStartingWith(search.phrase, [], search);
      if (byPhrase.matched > 0) return byPhrase;
    }
    const [driver, ...others] = [...search.words].sort((a, b) => b.length - a.length);
    return this.pageStartingWith(driver, others, search);
  }

  private async pageStartingWith(driver: string, others: string[], search: ClientSearch): Promise<{ rows: ClientEntity[]; matched: number }> {
    const [matches, params] = matchesSql(driver, others, 't0.client_id, t0.company_name');
    const limit = Math.max(0, Math.min(search.limit, SEARCH_MATCH_LIMIT - search.offset));
    let rows: ClientEntity[] = [];
    if (limit > 0) {
      const order = search.sortOrder === 'DESC' ? 'DESC' : 'ASC';
      const raw: Array<Record<string, unknown>> = await this.dataSource.query(
        `SELECT client.* FROM (SELECT m.client_id, m.company_name FROM (${matches}) m ` +
          `ORDER BY m.company_name ${order}, m.client_id ${order} LIMIT ? OFFSET ?) page ` +
          `INNER JOIN clients client ON client.id = page.client_id ORDER BY page.company_name ${order}, page.client_id ${order}`,
        [...params, limit, search.offset],
      );
      rows = hydrate(this.dataSource, ClientEntity, raw);
      // A first page that is not full holds every match: nothing left to count.
      if (search.offset === 0 && rows.length < limit) return { rows, matched: rows.length };
    }
    // Counted apart, over the ids alone: a window function over the sorted page cost the
    // database twice as much as this second, narrower pass over the same index range.
    const [count, countParams] = matchesSql(driver, others, 't0.client_id');
    const [{ matched }]: Array<{ matched: number | string }> = await this.dataSource.query(`SELECT COUNT(*) AS matched FROM (${count}) m`, countParams);
    return { rows, matched: Number(matched) };
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
    const rows: Array<{ client_id: number | string }> = await this.dataSource.query(...matchesSql(driver, others, 't0.client_id'));
    return rows.map((row) => Number(row.client_id));
  }
}

/**
 * The distinct clients (`columns` of t0: the id, maybe with the company name) having `driver` and
 * every other word as the start of one of their terms, at most SEARCH_MATCH_LIMIT + 1: the driver
 * is a range on the primary key (term, client_id), each other word an EXISTS per candidate on the
 * client_id index. A client's terms all carry its one company name, so both column lists find
 * the same clients.
 */
function matchesSql(driver: string, others: string[], columns: string): [string, string[]] {
  const exists = others.map((_, i) =>
    ` AND EXISTS (SELECT 1 FROM client_search_terms t${i + 1} WHERE t${i + 1}.client_id = t0.client_id` +
      ` AND t${i + 1}.term >= ? AND t${i + 1}.term < ?)`);
  return [
    `SELECT DISTINCT ${columns} FROM client_search_terms t0 WHERE t0.term >= ? AND t0.term < ?${exists.join('')}` +
      ` LIMIT ${SEARCH_MATCH_LIMIT + 1}`,
    [driver, ...others].flatMap((word) => [word, prefixEnd(word)]),
  ];
}
