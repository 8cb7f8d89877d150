import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';

import { ContactEntity } from '../contacts/contact.entity';
import { ClientUserEntity } from '../users/client-user.entity';
import { ClientSearchTermEntity } from './client-search-term.entity';
import { ClientEntity } from './client.entity';
import { termsOf } from './search-words';

const INSERT_BATCH = 500;

/**
 * Keeps client_search_terms in step with a client, its contacts and its users. Every service
 * that changes one of those calls `reindex` in the same transaction, so a search never finds a
 * client by a word it no longer has, nor sorts it by a name it no longer has.
 */
@Injectable()
export class ClientSearchIndex {
  async reindex(manager: EntityManager, clientIds: number | number[]): Promise<void> {
    const ids = Array.isArray(clientIds) ? clientIds : [clientIds];
    if (ids.length === 0) return;
    const clients = await manager.getRepository(ClientEntity).findBy({ id: In(ids) });
    const contacts = await manager.getRepository(ContactEntity).findBy({ clientId: In(ids) });
    const memberships = await manager.getRepository(ClientUserEntity).find({
      where: { clientId: In(ids) },
      relations: { user: true },
    });
    const rows: ClientSearchTermEntity[] = [];
    for (const client of clients) {
      const people = [
        ...contacts.filter((c) => c.clientId === client.id),
        ...memberships.filter((m) => m.clientId === client.id && m.user).map((m) => m.user!),
      ];
      for (const term of termsOf({ ...client, people }))
        rows.push({ term, clientId: client.id, companyName: client.companyName });
    }
    const terms = manager.getRepository(ClientSearchTermEntity);
    await terms.delete({ clientId: In(ids) });
    for (let i = 0; i < rows.length; i += INSERT_BATCH) await terms.insert(rows.slice(i, i + INSERT_BATCH));
  }

  /** The clients a user belongs to, to reindex when the user's name or email changes. */
  async clientsOfUser(manager: EntityManager, userId: number): Promise<number[]> {
    const rows = await manager.getRepository(ClientUserEntity).findBy({ userId });
    return rows.map((row) => row.clientId);
  }
}
