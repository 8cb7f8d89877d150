import { Injectable } from '@nestjs/common';

import { ActivityAction, ErrorCode, NoteResponse, SubjectType } from '@keydesk/domain';

import { AuthenticatedStaff } from '../../common/access/authenticated-staff';
import { DomainError } from '../../common/errors/domain-error';
import { ListQuery } from '../../common/http/list-query';
import { RequestContext } from '../../common/http/request-context';
import { TransactionRunner } from '../../database/transaction-runner';
import { staffActor } from '../audit/audit-actors';
import { AuditService } from '../audit/audit.service';
import { ClientsService } from '../clients/clients.service';
import { CreateNoteDto, UpdateNoteDto } from './dto/save-note.dto';
import { noteExcerpt } from './note-excerpt';
import { NoteEntity } from './note.entity';
import { toNoteResponse } from './note.mapper';
import { NoteRepository, NoteSortField } from './note.repository';

/** A client's Notes tab: staff add notes, edit their own, and pin any (sticky). */
@Injectable()
export class NotesService {
  constructor(
    private readonly clients: ClientsService,
    private readonly notes: NoteRepository,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
  ) {}

  async list(
    clientId: number,
    query: ListQuery<NoteSortField>,
    context: RequestContext,
  ): Promise<{ rows: NoteResponse[]; total: number }> {
    await this.clients.require(clientId);
    const [rows, total] = await this.notes.pageOfClient(clientId, query.offset, query.limit, query.sortOrder);
    return { rows: rows.map((note) => toNoteResponse(note, context.staff?.id ?? null)), total };
  }

  async get(clientId: number, noteId: number, context: RequestContext): Promise<NoteResponse> {
    return toNoteResponse(await this.require(clientId, noteId), context.staff?.id ?? null);
  }

  async create(clientId: number, dto: CreateNoteDto, context: RequestContext): Promise<NoteResponse> {
    await this.clients.require(clientId);
    const author = signedIn(context);
    const saved = await this.transactions.run(async (manager) => {
      const note = await this.notes.save(
        manager,
        Object.assign(new NoteEntity(), {
          clientId,
          staffId: author.id,
          authorName: author.displayName,
          body: dto.body,
          sticky: dto.sticky,
        }),
      );
      await this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.NoteAdded,
        clientId,
        subject: { type: SubjectType.Note, id: note.id },
        ip: context.ip,
        userAgent: context.userAgent,
        details: { sticky: note.sticky, length: note.body.length, excerpt: noteExcerpt(note.body) },
      });
      return note;
    });
    return toNoteResponse(saved, author.id);
  }

  /**
   * A body equal to the current one is no edit, so a colleague's form that sends the body back
   * with only the pin changed is accepted.
   */
  async update(clientId: number, noteId: number, dto: UpdateNoteDto, context: RequestContext): Promise<NoteResponse> {
    const note = await this.require(clientId, noteId);
    const viewerId = context.staff?.id ?? null;
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (dto.body !== undefined && dto.body !== note.body) {
      if (note.staffId === null || note.staffId !== viewerId) throw new DomainError(ErrorCode.NotYourNote);
      changes.body = { from: noteExcerpt(note.body), to: noteExcerpt(dto.body) };
      note.body = dto.body;
    }
    if (dto.sticky !== undefined && dto.sticky !== note.sticky) {
      changes.sticky = { from: note.sticky, to: dto.sticky };
      note.sticky = dto.sticky;
    }
    if (Object.keys(changes).length === 0) return toNoteResponse(note, viewerId);
    const saved = await this.transactions.run(async (manager) => {
      const row = await this.notes.save(manager, note);
      await this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.NoteEdited,
        clientId,
        subject: { type: SubjectType.Note, id: noteId },
        ip: context.ip,
        userAgent: context.userAgent,
        details: { changes, sticky: row.sticky, length: row.body.length },
      });
      return row;
    });
    return toNoteResponse(saved, viewerId);
  }

  private async require(clientId: number, noteId: number): Promise<NoteEntity> {
    await this.clients.require(clientId);
    const note = await this.notes.findOfClient(clientId, noteId);
    if (!note) throw new DomainError(ErrorCode.NotFound, { resource: 'note' });
    return note;
  }
}

/** Notes are signed by their author; every notes route requires a signed-in staff member. */
function signedIn(context: RequestContext): AuthenticatedStaff {
  if (!context.staff) throw new DomainError(ErrorCode.NotAuthenticated);
  return context.staff;
}
