import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { ActivityAction, ActorType, SubjectType } from '@keydesk/domain';

import { AppConfig } from '../../config/app.config';
import { storableText } from '../../common/text/storable-text';
import { Clock } from '../../common/time/clock';
import { chainHash } from './audit-chain';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditRepository } from './audit.repository';

export interface AuditActor {
  type: ActorType;
  id?: string | number | null;
  name: string;
}

export interface AuditRecord {
  actor: AuditActor;
  action: ActivityAction;
  subject?: { type: SubjectType; id: string | number; name?: string | null };
  /** The client the change concerns, when there is one. */
  clientId?: number | null;
  ip?: string | null;
  userAgent?: string | null;
  /** What changed and why; refused if a key names a secret. */
  details?: Record<string, unknown>;
}

export const SYSTEM_ACTOR: AuditActor = { type: ActorType.System, name: 'Keydesk' };

/** Keys that would put a secret in the trail; a programming error, so it throws. */
const SECRET_KEY = /password|passphrase|token|secret|hash$|cookie|sessionId|^code$|Code$/i;

@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one entry inside the caller's transaction: the change and its record commit together.
   * Its text is signed as it will be stored (storableText); details are JSON, whose escapes keep
   * even a lone surrogate as plain ASCII.
   */
  async record(manager: EntityManager, record: AuditRecord): Promise<AuditEntryEntity> {
    const details = JSON.stringify(record.details ?? {});
    assertNoSecrets(record.details ?? {});
    const head = await this.repository.lockHead(manager);
    const entry = Object.assign(new AuditEntryEntity(), {
      seq: head.lastSeq + 1,
      id: randomUUID(),
      occurredAt: new Date(this.clock.nowMs()),
      actorType: record.actor.type,
      actorId: record.actor.id == null ? null : String(record.actor.id),
      actorName: storableText(record.actor.name, 255),
      action: record.action,
      subjectType: record.subject?.type ?? null,
      subjectId: record.subject ? String(record.subject.id) : null,
      subjectName: record.subject?.name == null ? null : storableText(record.subject.name, 255),
      clientId: record.clientId ?? null,
      ip: record.ip == null ? null : storableText(record.ip, 45),
      userAgent: record.userAgent == null ? null : storableText(record.userAgent, 512),
      details,
      prevHash: head.lastHash,
    });
    entry.hash = chainHash(this.config.secrets.auditHmacKey, entry);
    await this.repository.append(manager, entry);
    return entry;
  }
}

function assertNoSecrets(details: Record<string, unknown>, path = ''): void {
  for (const [key, value] of Object.entries(details)) {
    if (SECRET_KEY.test(key)) throw new Error(`Audit details must not hold secrets (key "${path}${key}")`);
    if (value && typeof value === 'object') assertNoSecrets(value as Record<string, unknown>, `${path}${key}.`);
  }
}
