import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { NoteEntity } from './note.entity';

export const NOTE_SORT_FIELDS = ['id'] as const;
export type NoteSortField = (typeof NOTE_SORT_FIELDS)[number];

@Injectable()
export class NoteRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(NoteEntity);
  }

  /** A note only through its client: an id of another client's note is not found. */
  findOfClient(clientId: number, id: number): Promise<NoteEntity | null> {
    return this.repo().findOneBy({ id, clientId });
  }

  /** Sticky notes first, then by id (creation order); idx_notes_client serves both. */
  pageOfClient(
    clientId: number,
    offset: number,
    limit: number,
    order: 'ASC' | 'DESC',
  ): Promise<[NoteEntity[], number]> {
    return this.repo().findAndCount({
      where: { clientId },
      order: { sticky: 'DESC', id: order },
      skip: offset,
      take: limit,
    });
  }

  save(manager: EntityManager, note: NoteEntity): Promise<NoteEntity> {
    return this.repo(manager).save(note);
  }
}
