import { createHmac } from 'node:crypto';

import { hashesEqual } from './audit-chain';

/** Where the chain in audit_log starts once older entries were archived: signed, so it cannot be forged without the key. */
export interface AuditCheckpoint {
  id: number;
  lastSeq: number;
  lastHash: string;
  archived: number;
  createdAt: Date;
  signature: string;
}

export function checkpointSignature(key: Buffer, checkpoint: Omit<AuditCheckpoint, 'id' | 'signature'>): string {
  const content = JSON.stringify([
    'checkpoint',
    checkpoint.lastSeq,
    checkpoint.lastHash,
    checkpoint.archived,
    checkpoint.createdAt.getTime(),
  ]);
  return createHmac('sha256', key).update(content).digest('hex');
}

export function checkpointVerifies(key: Buffer, checkpoint: AuditCheckpoint): boolean {
  return hashesEqual(checkpoint.signature, checkpointSignature(key, checkpoint));
}
