import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { ActivityAction, ActivityVerifyResponse } from '@keydesk/domain';

import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { chainHash, GENESIS_HASH, hashesEqual } from '../audit/audit-chain';
import { checkpointSignature } from '../audit/audit-checkpoint';
import { AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { AuditVerifierService } from '../audit/audit-verifier.service';
import { AuditRepository } from '../audit/audit.repository';
import { ActivityArchiveRepository } from './activity-archive.repository';
import { ActivityVerificationRepository } from './activity-verification.repository';

const BATCH = 2000;
const DAY_MS = 24 * 3600_000;

/**
 * Integrity you can show: the chain's verification, and retention that keeps it verifiable.
 * Entries past ACTIVITY_RETENTION_DAYS move to audit_log_archive a batch at a time; each batch is
 * verified before it moves (a tampered row is never sealed away) and leaves a checkpoint signed
 * with the audit key, from which the remaining chain verifies.
 */
@Injectable()
export class ActivityIntegrityService {
  private readonly logger = new Logger(ActivityIntegrityService.name);

  constructor(
    private readonly verifier: AuditVerifierService,
    private readonly chain: AuditRepository,
    private readonly archive: ActivityArchiveRepository,
    private readonly verifications: ActivityVerificationRepository,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Walks the chain now and keeps the result, which /verify/latest and the screen show. */
  async verify(): Promise<ActivityVerifyResponse> {
    const result = await this.verifier.verify();
    const response: ActivityVerifyResponse = {
      ok: result.ok,
      checked: result.checked,
      firstBroken: result.firstBroken ? { seq: result.firstBroken.seq, id: result.firstBroken.id } : null,
      checkpoint: result.checkpoint
        ? { lastSeq: result.checkpoint.lastSeq, archivedAt: result.checkpoint.createdAt.toISOString() }
        : null,
      verifiedAt: this.clock.now().toISOString(),
    };
    await this.verifications.insert(response);
    return response;
  }

  latest(): Promise<ActivityVerifyResponse | null> {
    return this.verifications.latest();
  }

  /** The periodic walk: only when the last one, by any process, is older than `maxAgeMs`. */
  async verifyIfOlderThan(maxAgeMs: number): Promise<void> {
    const last = await this.verifications.latest();
    if (last && this.clock.nowMs() - new Date(last.verifiedAt).getTime() < maxAgeMs) return;
    const result = await this.verify();
    if (!result.ok)
      this.logger.error(`The audit chain does not verify: first broken entry at seq ${result.firstBroken?.seq}`);
  }

  /** Archives every entry older than the retention; answers how many moved. Nothing when retention is off. */
  async archiveExpired(): Promise<number> {
    if (this.config.activity.retentionDays === 0) return 0;
    const cutoff = this.clock.nowMs() - this.config.activity.retentionDays * DAY_MS;
    let moved = 0;
    for (;;) {
      const batch = await this.transactions.run((manager) => this.archiveBatch(manager, cutoff));
      moved += batch;
      if (batch < BATCH) return moved;
    }
  }

  private async archiveBatch(manager: EntityManager, cutoff: number): Promise<number> {
    const key = this.config.secrets.auditHmacKey;
    await this.chain.lockHead(manager);
    const checkpoint = await this.chain.latestCheckpoint(manager);
    let expectedSeq = (checkpoint?.lastSeq ?? 0) + 1;
    let prevHash = checkpoint?.lastHash ?? GENESIS_HASH;
    const moving = [];
    for (const row of await this.archive.oldest(manager, expectedSeq - 1, BATCH)) {
      if (row.occurredAt.getTime() >= cutoff) break;
      if (
        row.seq !== expectedSeq ||
        !hashesEqual(row.prevHash, prevHash) ||
        !hashesEqual(row.hash, chainHash(key, row))
      ) {
        this.logger.error(`Not archiving: the audit chain does not verify at seq ${row.seq}`);
        throw new Error(`The audit chain does not verify at seq ${row.seq}; nothing was archived`);
      }
      moving.push(row);
      prevHash = row.hash;
      expectedSeq += 1;
    }
    if (moving.length === 0) return 0;
    const last = moving[moving.length - 1];
    await this.archive.move(manager, last.seq);
    const signed = {
      lastSeq: last.seq,
      lastHash: last.hash,
      archived: (checkpoint?.archived ?? 0) + moving.length,
      createdAt: this.clock.now(),
    };
    const checkpointId = await this.archive.insertCheckpoint(manager, {
      ...signed,
      signature: checkpointSignature(key, signed),
    });
    await this.audit.record(manager, {
      actor: SYSTEM_ACTOR,
      action: ActivityAction.ActivityArchived,
      details: {
        checkpointId,
        upToSeq: last.seq,
        archived: moving.length,
        retentionDays: this.config.activity.retentionDays,
      },
    });
    return moving.length;
  }
}
