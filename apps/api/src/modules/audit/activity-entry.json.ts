import { ListedAuditEntry } from './audit-entry.entity';

/** A text column as JSON: escaped by JSON.stringify, null as null. */
function text(value: string | null): string {
  return value === null ? 'null' : JSON.stringify(value);
}

/**
 * An entry as the JSON text of its ActivityEntryResponse (and `reviewed`, for ActivityListEntry),
 * the same text JSON.stringify gives for toActivityEntryResponse's object, field for field. The
 * stored details are JSON already (AuditService writes them with JSON.stringify) and go in as
 * stored: a page of the log is 50 entries on every request and an export a million, and parsing
 * each entry's details only to serialize them again cost about 5 % of a page's CPU in the api.
 */
export function activityEntryJson(entry: ListedAuditEntry, reviewed?: boolean): string {
  return (
    `{"id":${text(entry.id)},"seq":${entry.seq},"occurredAt":"${entry.occurredAt.toISOString()}","actorType":${text(entry.actorType)}` +
    `,"actorId":${text(entry.actorId)},"actorName":${text(entry.actorName)},"action":${text(entry.action)}` +
    `,"subjectType":${text(entry.subjectType)},"subjectId":${text(entry.subjectId)},"subjectName":${text(entry.subjectName)}` +
    `,"clientId":${entry.clientId === null ? 'null' : entry.clientId},"ip":${text(entry.ip)},"details":${entry.details}` +
    `${reviewed === undefined ? '' : `,"reviewed":${reviewed}`}}`
  );
}

/** Entries as a JSON array of activityEntryJson. */
export function activityEntriesJson(entries: ReadonlyArray<{ entry: ListedAuditEntry; reviewed?: boolean }>): string {
  return `[${entries.map(({ entry, reviewed }) => activityEntryJson(entry, reviewed)).join(',')}]`;
}
