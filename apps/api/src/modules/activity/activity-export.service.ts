import { once } from 'node:events';
import type { Writable } from 'node:stream';

import { Injectable } from '@nestjs/common';

import { ACTIVITY_ACTION_LABELS, ActivityAction, type Locale } from '@keydesk/domain';

import { RequestContext } from '../../common/http/request-context';
import { TransactionRunner } from '../../database/transaction-runner';
import { activityEntryJson } from '../audit/activity-entry.json';
import { staffActor } from '../audit/audit-actors';
import { ListedAuditEntry } from '../audit/audit-entry.entity';
import { AuditService } from '../audit/audit.service';
import { ActivityCriteria, describeCriteria } from './activity-filter';
import { ActivityRepository } from './activity.repository';

export type ExportFormat = 'csv' | 'jsonl';

const BATCH = 1000;
/** actionLabel, in the exporter's language, is for the people who open the file in a spreadsheet. */
const CSV_COLUMNS = [
  'seq',
  'id',
  'occurredAt',
  'actorType',
  'actorId',
  'actorName',
  'action',
  'actionLabel',
  'subjectType',
  'subjectId',
  'subjectName',
  'clientId',
  'ip',
  'details',
] as const;

/**
 * Streams the filtered log, newest first, a keyset batch at a time and waiting for the client to
 * drain each, so a million rows export with flat memory. The export is logged before it starts.
 */
@Injectable()
export class ActivityExportService {
  constructor(
    private readonly entries: ActivityRepository,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
  ) {}

  async record(criteria: ActivityCriteria, format: ExportFormat, context: RequestContext): Promise<void> {
    await this.transactions.run((manager) =>
      this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.ActivityExported,
        ip: context.ip,
        userAgent: context.userAgent,
        details: { format, filter: describeCriteria(criteria) },
      }),
    );
  }

  async write(criteria: ActivityCriteria, format: ExportFormat, out: Writable, locale: Locale): Promise<number> {
    let written = 0;
    if (format === 'csv') await put(out, `${CSV_COLUMNS.join(',')}\r\n`);
    let beforeSeq: number | undefined;
    for (;;) {
      const rows = await this.entries.page(criteria, { beforeSeq, limit: BATCH });
      if (rows.length === 0) break;
      await put(
        out,
        rows.map((row) => (format === 'csv' ? csvLine(row, locale) : `${activityEntryJson(row)}\n`)).join(''),
      );
      written += rows.length;
      if (rows.length < BATCH) break;
      beforeSeq = rows[rows.length - 1].seq;
    }
    return written;
  }
}

async function put(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

function csvLine(entry: ListedAuditEntry, locale: Locale): string {
  const actionLabel = ACTIVITY_ACTION_LABELS[locale][entry.action as ActivityAction] ?? entry.action;
  // The stored details are the JSON the cell shows: not parsed only to be serialized again.
  const values: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    ...entry,
    occurredAt: entry.occurredAt.toISOString(),
    actionLabel,
  };
  return `${CSV_COLUMNS.map((column) => csvCell(values[column])).join(',')}\r\n`;
}

/**
 * RFC 4180 quoting, and OWASP's CSV-injection rule: a cell a spreadsheet would read as a formula
 * (=, +, -, @, tab, carriage return) gets a leading apostrophe. Names are typed by people.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
