import { NoteResponse } from '@keydesk/domain';

import { NoteEntity } from './note.entity';

/** `viewerStaffId`: only a note's author may edit it, and the UI needs to know. */
export function toNoteResponse(note: NoteEntity, viewerStaffId: number | null): NoteResponse {
  return {
    id: note.id,
    clientId: note.clientId,
    staffId: note.staffId,
    authorName: note.authorName,
    body: note.body,
    sticky: note.sticky,
    editable: viewerStaffId !== null && note.staffId === viewerStaffId,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
  };
}
