import { Injectable } from '@nestjs/common';

import { AppConfig } from '../../config/app.config';
import { chainHash, GENESIS_HASH, hashesEqual } from './audit-chain';
import { AuditCheckpoint, checkpointVerifies } from './audit-checkpoint';
import { AuditRepository } from './audit.repository';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first row that does not verify; id is null when rows are missing at the end. */
  firstBroken: null | { seq: number; id: string | null; reason: 'hash' | 'link' | 'gap' | 'truncated' | 'checkpoint' };
  /** The signed checkpoint the walk started from, once older entries were archived. */
  checkpoint: AuditCheckpoint | null;
}

const BATCH = 1000;

/**
 * Walks the chain in sequence order with flat memory, stopping at the first broken row. Once
 * older entries were archived, the walk starts from the newest checkpoint, whose signature must
 * verify: the first remaining row must follow it.
 */
@Injectable()
export class AuditVerifierService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly config: AppConfig,
  ) {}

  async verify(): Promise<ChainVerification> {
    const checkpoint = await this.repository.latestCheckpoint();
    if (checkpoint && !checkpointVerifies(this.config.secrets.auditHmacKey, checkpoint)) {
      return {
        ok: false,
        checked: 0,
        firstBroken: { seq: checkpoint.lastSeq, id: null, reason: 'checkpoint' },
        checkpoint,
      };
    }
    let expectedSeq = (checkpoint?.lastSeq ?? 0) + 1;
    let prevHash = checkpoint?.lastHash ?? GENESIS_HASH;
    let checked = 0;
    for (;;) {
      const rows = await this.repository.pageAfter(expectedSeq - 1, BATCH);
      for (const row of rows) {
        const broken = (reason: 'hash' | 'link' | 'gap'): ChainVerification => ({
          ok: false,
          checked,
          firstBroken: { seq: reason === 'gap' ? expectedSeq : row.seq, id: reason === 'gap' ? null : row.id, reason },
          checkpoint,
        });
        if (row.seq !== expectedSeq) return broken('gap');
        if (!hashesEqual(row.prevHash, prevHash)) return broken('link');
        if (!hashesEqual(row.hash, chainHash(this.config.secrets.auditHmacKey, row))) return broken('hash');
        prevHash = row.hash;
        expectedSeq += 1;
        checked += 1;
      }
      if (rows.length < BATCH) break;
    }
    const head = await this.repository.head();
    if (head && (head.lastSeq !== expectedSeq - 1 || !hashesEqual(head.lastHash, prevHash))) {
      return { ok: false, checked, firstBroken: { seq: expectedSeq, id: null, reason: 'truncated' }, checkpoint };
    }
    return { ok: true, checked, firstBroken: null, checkpoint };
  }
}
