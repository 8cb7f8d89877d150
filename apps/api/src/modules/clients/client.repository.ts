import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Not } from 'typeorm';

import { hydrate } from '../../database/hydrate';
import { ClientUserEntity } from '../users/client-user.entity';
import { ClientEntity } from './client.entity';
import { matchesSql, RunQuery, SEARCH_MATCH_LIMIT, searchInNameOrder } from './client-name-search';

export const CLIENT_SORT_FIELDS = [
  'id',
  'companyName',
  'clientKey',
  'email',
  'lastName',
  'status',
  'country',
  'createdAt',
] as const;
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

  /** The clients a user is the owner of. */
  ownedBy(userId: number): Promise<ClientEntity[]> {
    return this.dataSource
      .getRepository(ClientEntity)
      .createQueryBuilder('c')
      .innerJoin(ClientUserEntity, 'm', 'm.client_id = c.id AND m.user_id = :userId AND m.owner = :owner', {
        userId,
        owner: true,
      })
      .orderBy('c.company_name', 'ASC')
      .getMany();
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
    if (
      search.words.length > 0 &&
      search.sortField === 'companyName' &&
      search.ids === undefined &&
      search.status === undefined
    ) {
      return this.searchByCompanyName(search);
    }
    const query = this.repo().createQueryBuilder('client');
    let matched: number[] | undefined;
    if (search.words.length > 0) {
      matched = await this.matchingIds(search.words, search.phrase);
      query.andWhere(matched.length ? 'client.id IN (:...matched)' : '1 = 0', {
        matched: matched.slice(0, SEARCH_MATCH_LIMIT),
      });
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
   * The terms carry their client's company name, so the database orders the matches off the
   * terms and joins only the page's clients (client-name-search.ts).
   */
  private async searchByCompanyName(
    search: ClientSearch,
  ): Promise<{ rows: ClientEntity[]; total: number; capped: boolean }> {
    const run: RunQuery = (sql, params) => this.dataSource.query(sql, params);
    const { rows, matched } = await searchInNameOrder(run, {
      ...search,
      order: search.sortOrder === 'DESC' ? 'DESC' : 'ASC',
    });
    return {
      rows: hydrate(this.dataSource, ClientEntity, rows),
      total: Math.min(matched, SEARCH_MATCH_LIMIT),
      capped: matched > SEARCH_MATCH_LIMIT,
    };
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
    const rows: Array<{ client_id: number | string }> = await this.dataSource.query(
      ...matchesSql(driver, others, 't0.client_id'),
    );
    return rows.map((row) => Number(row.client_id));
  }
}
