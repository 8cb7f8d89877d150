import { Injectable } from '@nestjs/common';

import {
  ActivityAction,
  AssurancePolicy,
  CALLER_CHECKED_ACTIONS,
  CallerCheckedAction,
  DEFAULT_ASSURANCE_POLICY,
  isCallerCheckedAction,
  SubjectType,
} from '@keydesk/domain';

import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import { staffActor } from '../audit/audit-actors';
import { AuditService } from '../audit/audit.service';
import { SettingRepository } from './setting.repository';

const NAME = 'assurance';

/**
 * Which actions need a verified caller: stored in the database (every api process reads the
 * same), the defaults until an administrator saves a policy, every change an audit entry.
 */
@Injectable()
export class AssurancePolicyService {
  constructor(
    private readonly settings: SettingRepository,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<AssurancePolicy> {
    const row = await this.settings.find(NAME);
    if (!row) return { verifiedCallerFor: [...DEFAULT_ASSURANCE_POLICY.verifiedCallerFor] };
    const stored = JSON.parse(row.value) as Partial<AssurancePolicy>;
    return { verifiedCallerFor: ordered((stored.verifiedCallerFor ?? []).filter(isCallerCheckedAction)) };
  }

  async put(policy: AssurancePolicy, context: RequestContext): Promise<AssurancePolicy> {
    const next = { verifiedCallerFor: ordered(policy.verifiedCallerFor) };
    const before = await this.get();
    await this.transactions.run(async (manager) => {
      await this.settings.save(manager, {
        name: NAME,
        value: JSON.stringify(next),
        updatedAt: this.clock.nowMs(),
        updatedBy: context.staff?.id ?? null,
      });
      await this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.SettingsAssuranceChanged,
        subject: { type: SubjectType.System, id: NAME, name: 'Caller verification policy' },
        ip: context.ip,
        userAgent: context.userAgent,
        details: {
          changes: { verifiedCallerFor: { from: before.verifiedCallerFor, to: next.verifiedCallerFor } },
        },
      });
    });
    return next;
  }
}

/** Each action once, in the catalogue's order: the same policy always reads (and compares) the same. */
function ordered(actions: readonly CallerCheckedAction[]): CallerCheckedAction[] {
  return CALLER_CHECKED_ACTIONS.filter((action) => actions.includes(action));
}
