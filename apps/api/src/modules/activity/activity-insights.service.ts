import { Injectable } from '@nestjs/common';

import {
  ActivityAction,
  ActivityAnomaly,
  AnomalyKind,
  ErrorCode,
  ApprovalStatsRow,
  PASSWORD_ACTIONS,
  PasswordActionStatsRow,
  USER_PASSWORD_ACTIONS_PER_DAY,
} from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app.config';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { ActivityRepository } from './activity.repository';

const HOUR_MS = 3600_000;
/** The dashboard reads at most this many password actions; a quarter's worth for a large team. */
const MAX_ACTIONS = 100_000;
const MAX_DAYS = 92;

/**
 * The supervisor's dashboard: password actions per agent per day, and the patterns worth a look
 * (OWASP Logging: alert on unusual volumes and sequences). Both read the password actions of the
 * period, which are few beside the whole trail, by the (action, seq) index.
 */
@Injectable()
export class ActivityInsightsService {
  constructor(
    private readonly entries: ActivityRepository,
    private readonly config: AppConfig,
  ) {}

  /** Per day of `timeZone` (an IANA name, the supervisor's): an action at 21:00 in Mexico City is that day's, not the next UTC day's. */
  async stats(from: Date, to: Date, timeZone = 'UTC'): Promise<PasswordActionStatsRow[]> {
    const dayOf = calendarDayIn(timeZone);
    const counts = new Map<string, PasswordActionStatsRow>();
    for (const entry of await this.passwordActions(from, to)) {
      const day = dayOf(entry.occurredAt);
      const key = `${day}|${entry.actorId}|${entry.action}`;
      const row = counts.get(key) ?? {
        day,
        staffId: entry.actorId,
        staffName: entry.actorName,
        action: entry.action,
        count: 0,
      };
      row.count += 1;
      counts.set(key, row);
    }
    return [...counts.values()].sort(
      (a, b) =>
        a.day.localeCompare(b.day) || a.staffName.localeCompare(b.staffName) || a.action.localeCompare(b.action),
    );
  }

  async anomalies(from: Date, to: Date): Promise<ActivityAnomaly[]> {
    const actions = await this.passwordActions(from, to);
    const flags = [
      ...this.bursts(actions),
      ...this.overLimitOnUser(actions),
      ...(await this.soonAfterSignIn(actions, from, to)),
      ...(await this.reported(from, to)),
      ...(await this.denied(from, to)),
    ];
    const covering = await this.entries.reviewsCovering(flags.flatMap((flag) => flag.seqs));
    return flags.map(({ seqs, ...flag }) => ({
      ...flag,
      reviewed: seqs.every((seq) => (covering.get(seq) ?? []).length > 0),
    }));
  }

  private async passwordActions(from: Date, to: Date): Promise<AuditEntryEntity[]> {
    assertPeriod(from, to);
    const entries = await this.entries.ofActions(PASSWORD_ACTIONS, from, to, MAX_ACTIONS);
    return entries.filter((entry) => entry.actorType === 'staff');
  }

  /** One agent, more password actions within an hour than the threshold: the hour from the first of them. */
  private bursts(actions: AuditEntryEntity[]): Array<ActivityAnomaly & { seqs: number[] }> {
    const threshold = this.config.activity.burstPerHour;
    const byStaff = new Map<string, AuditEntryEntity[]>();
    for (const entry of actions) byStaff.set(entry.actorId ?? '', [...(byStaff.get(entry.actorId ?? '') ?? []), entry]);
    return [...byStaff.values()].flatMap((entries) =>
      windowsOver(entries, HOUR_MS, threshold).map((window) => ({
        kind: AnomalyKind.Burst,
        staffId: window[0].actorId,
        staffName: window[0].actorName,
        entryIds: window.map((e) => e.id),
        hourStart: window[0].occurredAt.toISOString(),
        count: window.length,
        threshold,
        reviewed: false,
        seqs: window.map((e) => e.seq),
      })),
    );
  }

  /**
   * Requests for approval per requesting agent in the period, from the trail's approval entries
   * (each names its requester): requested, and what became of them.
   */
  async approvals(from: Date, to: Date): Promise<ApprovalStatsRow[]> {
    assertPeriod(from, to);
    const column: Partial<Record<ActivityAction, keyof Omit<ApprovalStatsRow, 'staffId' | 'staffName'>>> = {
      [ActivityAction.ApprovalRequested]: 'requested',
      [ActivityAction.ApprovalApproved]: 'approved',
      [ActivityAction.ApprovalDenied]: 'denied',
      [ActivityAction.ApprovalUsed]: 'used',
      [ActivityAction.ApprovalExpired]: 'expired',
    };
    const rows = new Map<number, ApprovalStatsRow>();
    for (const entry of await this.entries.ofActions(Object.keys(column), from, to, MAX_ACTIONS)) {
      const { requestedBy } = JSON.parse(entry.details) as { requestedBy?: { id: number; name: string } };
      if (!requestedBy) continue;
      const row = rows.get(requestedBy.id) ?? {
        staffId: requestedBy.id,
        staffName: requestedBy.name,
        requested: 0,
        approved: 0,
        denied: 0,
        used: 0,
        expired: 0,
      };
      row[column[entry.action]!] += 1;
      rows.set(requestedBy.id, row);
    }
    return [...rows.values()].sort((a, b) => a.staffName.localeCompare(b.staffName) || a.staffId - b.staffId);
  }

  /** One user, more password actions within 24 hours than USER_PASSWORD_ACTIONS_PER_DAY: the day from the first. */
  private overLimitOnUser(actions: AuditEntryEntity[]): Array<ActivityAnomaly & { seqs: number[] }> {
    const byUser = new Map<string, AuditEntryEntity[]>();
    for (const entry of actions.filter((e) => e.subjectType === 'user' && e.subjectId))
      byUser.set(entry.subjectId!, [...(byUser.get(entry.subjectId!) ?? []), entry]);
    const flags: Array<ActivityAnomaly & { seqs: number[] }> = [];
    for (const [userId, entries] of byUser) {
      for (const window of windowsOver(entries, 24 * HOUR_MS, USER_PASSWORD_ACTIONS_PER_DAY)) {
        flags.push({
          kind: AnomalyKind.UserPasswordActions,
          staffId: window.at(-1)!.actorId,
          staffName: [...new Set(window.map((e) => e.actorName))].join(', '),
          entryIds: window.map((e) => e.id),
          userId,
          hourStart: window[0].occurredAt.toISOString(),
          count: window.length,
          threshold: USER_PASSWORD_ACTIONS_PER_DAY,
          reviewed: false,
          seqs: window.map((e) => e.seq),
        });
      }
    }
    return flags;
  }

  /** Requests a supervisor denied in the period, each flagged on the agent who asked. */
  private async denied(from: Date, to: Date): Promise<Array<ActivityAnomaly & { seqs: number[] }>> {
    const denials = await this.entries.ofActions([ActivityAction.ApprovalDenied], from, to, MAX_ACTIONS);
    return denials.map((entry) => {
      const details = JSON.parse(entry.details) as {
        requestedBy?: { id: number; name: string };
        approvalAction?: string;
      };
      return {
        kind: AnomalyKind.ApprovalDenied,
        staffId: details.requestedBy ? String(details.requestedBy.id) : null,
        staffName: details.requestedBy?.name ?? entry.actorName,
        entryIds: [entry.id],
        userId: entry.subjectType === 'user' ? (entry.subjectId ?? undefined) : undefined,
        approvalAction: details.approvalAction,
        reviewed: false,
        seqs: [entry.seq],
      };
    });
  }

  /**
   * Changes the customer reported as not theirs in the period: each flag names the change's entry
   * (and its actor, the agent when it was staff) and the report's.
   */
  private async reported(from: Date, to: Date): Promise<Array<ActivityAnomaly & { seqs: number[] }>> {
    const reports = await this.entries.ofActions([ActivityAction.UserChangeReported], from, to, MAX_ACTIONS);
    const details = reports.map(
      (report) => JSON.parse(report.details) as { reportedEntryId?: string; change?: string },
    );
    const changes = new Map(
      (await this.entries.findByIds(details.map((d) => d.reportedEntryId ?? '').filter(Boolean))).map((e) => [e.id, e]),
    );
    return reports.map((report, i) => {
      const change = changes.get(details[i].reportedEntryId ?? '');
      return {
        kind: AnomalyKind.ReportedByCustomer,
        staffId: change?.actorType === 'staff' ? change.actorId : null,
        staffName: change?.actorName ?? report.actorName,
        entryIds: [...(change ? [change.id] : []), report.id],
        userId: report.subjectId ?? undefined,
        change: details[i].change,
        reportedAt: report.occurredAt.toISOString(),
        reviewed: false,
        seqs: [...(change ? [change.seq] : []), report.seq],
      };
    });
  }

  /** A reset or a new password shortly after the user signed in themselves: who asked for it? */
  private async soonAfterSignIn(
    actions: AuditEntryEntity[],
    from: Date,
    to: Date,
  ): Promise<Array<ActivityAnomaly & { seqs: number[] }>> {
    const windowMs = this.config.activity.recentSignInMinutes * 60_000;
    const onUsers = actions.filter((entry) => entry.subjectType === 'user' && entry.subjectId);
    const userIds = [...new Set(onUsers.map((entry) => entry.subjectId!))];
    const signIns = await this.entries.signInsOf(userIds, new Date(from.getTime() - windowMs), to);
    const flags: Array<ActivityAnomaly & { seqs: number[] }> = [];
    for (const action of onUsers) {
      const at = action.occurredAt.getTime();
      const before = signIns
        .filter(
          (signIn) =>
            signIn.actorId === action.subjectId &&
            signIn.occurredAt.getTime() <= at &&
            at - signIn.occurredAt.getTime() <= windowMs,
        )
        .at(-1);
      if (!before) continue;
      flags.push({
        kind: AnomalyKind.RecentSignIn,
        staffId: action.actorId,
        staffName: action.actorName,
        entryIds: [action.id],
        userId: action.subjectId!,
        minutesAfterSignIn: Math.floor((at - before.occurredAt.getTime()) / 60_000),
        reviewed: false,
        seqs: [action.seq],
      });
    }
    return flags;
  }
}

/** A period the dashboard reads: its end after its start, at most MAX_DAYS long. */
function assertPeriod(from: Date, to: Date): void {
  // An hour's grace: MAX_DAYS whole days of a time zone are an hour longer across a DST change.
  if (!(from < to) || to.getTime() - from.getTime() > MAX_DAYS * 24 * HOUR_MS + HOUR_MS) {
    throw new DomainError(
      ErrorCode.ValidationFailed,
      {},
      { to: { key: 'activity.periodTooLong', params: { days: MAX_DAYS } } },
    );
  }
}

/**
 * The runs of entries (oldest first) with more than `threshold` of them within `windowMs` of the
 * run's first: each run reported once, the next looked for after it.
 */
function windowsOver(entries: AuditEntryEntity[], windowMs: number, threshold: number): AuditEntryEntity[][] {
  const windows: AuditEntryEntity[][] = [];
  let start = 0;
  while (start < entries.length) {
    const windowEnd = entries[start].occurredAt.getTime() + windowMs;
    let end = start;
    while (end < entries.length && entries[end].occurredAt.getTime() < windowEnd) end += 1;
    if (end - start > threshold) {
      windows.push(entries.slice(start, end));
      start = end;
    } else {
      start += 1;
    }
  }
  return windows;
}

/** The calendar day ("2026-03-09") of an instant in `timeZone`. */
function calendarDayIn(timeZone: string): (instant: Date) => string {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (instant) => {
    const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
    return `${parts.year}-${parts.month}-${parts.day}`;
  };
}
