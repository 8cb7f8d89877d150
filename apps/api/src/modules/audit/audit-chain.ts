import { createHmac, timingSafeEqual } from 'node:crypto';

import { AuditEntryEntity } from './audit-entry.entity';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * HMAC-SHA256 over the sequence number, every stored field and the previous row's hash. Without
 * the key (kept outside the database) nobody can edit, delete or reorder rows and re-seal them.
 */
export function chainHash(key: Buffer, entry: Omit<AuditEntryEntity, 'hash'>): string {
  const fields: unknown[] = [
    entry.seq,
    entry.id,
    entry.occurredAt.getTime(),
    entry.actorType,
    entry.actorId,
    entry.actorName,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    entry.subjectName,
    entry.ip,
    entry.userAgent,
    entry.details,
    entry.prevHash,
  ];
  // Appended only when set, so entries written before the column existed still verify.
  if (entry.clientId != null) fields.push(entry.clientId);
  const content = JSON.stringify(fields);
  return createHmac('sha256', key).update(content).digest('hex');
}

export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
