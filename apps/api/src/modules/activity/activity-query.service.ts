import { Injectable } from '@nestjs/common';

import { ActivityDetailResponse, ActivityListEntry, ActivityStaffOption, ErrorCode } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { JsonText } from '../../common/http/json-text';
import { activityEntriesJson } from '../audit/activity-entry.json';
import { ActivityCriteria } from './activity-filter';
import { ActivityPage } from './activity-list-statements';
import { toActivityDetail, toActivityListEntry } from './activity.mapper';
import { ActivityRepository } from './activity.repository';

/** Offsets deeper than this must go by cursor: OFFSET reads and throws away every row before the page. */
const MAX_OFFSET = 1000;

/** A page of the log as its answer's body: the JSON text of its ActivityListEntry array. */
export interface ActivityListJson {
  json: JsonText<ActivityListEntry[]>;
  count: number;
  /** Pass as `cursor` for the next (older) page; null at the oldest entry. */
  nextCursor: number | null;
}

@Injectable()
export class ActivityQueryService {
  constructor(private readonly entries: ActivityRepository) {}

  /** A page of the log, written as JSON without parsing each entry's stored details (activityEntryJson). */
  async listJson(criteria: ActivityCriteria, page: ActivityPage): Promise<ActivityListJson> {
    const { shown, nextCursor } = await this.reviewedPage(criteria, page);
    // Every entry of the page carries `reviewed`: the text is that of ActivityListEntry[].
    return { json: activityEntriesJson(shown) as JsonText<ActivityListEntry[]>, count: shown.length, nextCursor };
  }

  /** A page with its total, for timelines whose entries are few (a client's, a user's). */
  async timeline(
    criteria: ActivityCriteria,
    offset: number,
    limit: number,
  ): Promise<{ rows: ActivityListEntry[]; total: number }> {
    const [{ shown }, total] = await Promise.all([
      this.reviewedPage(criteria, { offset, limit }),
      this.entries.count(criteria),
    ]);
    return { rows: shown.map(({ entry, reviewed }) => toActivityListEntry(entry, reviewed)), total };
  }

  /** The entries of a page and the cursor of the next; deep pages must go by cursor. */
  private async reviewedPage(criteria: ActivityCriteria, page: ActivityPage) {
    if ((page.offset ?? 0) > MAX_OFFSET) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        {},
        { range: { key: 'validation.useCursor', params: { max: MAX_OFFSET } } },
      );
    }
    // One row more than asked says whether there is an older page, without counting them all.
    const rows = await this.entries.reviewedPage(criteria, { ...page, limit: page.limit + 1 });
    const shown = rows.slice(0, page.limit);
    return { shown, nextCursor: rows.length > page.limit ? shown[shown.length - 1].entry.seq : null };
  }

  async staff(): Promise<ActivityStaffOption[]> {
    return (await this.entries.staffNames()).map(({ id, displayName }) => ({ id, displayName }));
  }

  async detail(id: string): Promise<ActivityDetailResponse> {
    const entry = /^[0-9a-f-]{36}$/i.test(id) ? await this.entries.findById(id) : null;
    if (!entry) throw new DomainError(ErrorCode.NotFound, { resource: 'activity entry' });
    const reviewSeqs = (await this.entries.reviewsCovering([entry.seq])).get(entry.seq) ?? [];
    const reviews = (await this.entries.findBySeqs(reviewSeqs)).sort((a, b) => a.seq - b.seq);
    const reports =
      entry.subjectType === 'user' && entry.subjectId ? await this.entries.reportsOfUser(entry.subjectId) : [];
    const report = reports.find(
      (r) => (JSON.parse(r.details) as { reportedEntryId?: string }).reportedEntryId === entry.id,
    );
    return toActivityDetail(entry, reviews, report ?? null);
  }
}
