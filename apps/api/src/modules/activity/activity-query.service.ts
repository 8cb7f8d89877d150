import { Injectable } from '@nestjs/common';

import { ActivityDetailResponse, ActivityListEntry, ActivityStaffOption, ErrorCode } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { ActivityCriteria } from './activity-filter';
import { toActivityDetail, toActivityListEntry } from './activity.mapper';
import { ActivityPage, ActivityRepository } from './activity.repository';

/** Offsets deeper than this must go by cursor: OFFSET reads and throws away every row before the page. */
const MAX_OFFSET = 1000;

export interface ActivityListResult {
  rows: ActivityListEntry[];
  /** Pass as `cursor` for the next (older) page; null at the oldest entry. */
  nextCursor: number | null;
}

@Injectable()
export class ActivityQueryService {
  constructor(private readonly entries: ActivityRepository) {}

  async list(criteria: ActivityCriteria, page: ActivityPage): Promise<ActivityListResult> {
    if ((page.offset ?? 0) > MAX_OFFSET) {
      throw new DomainError(ErrorCode.ValidationFailed, {}, { range: { key: 'validation.useCursor', params: { max: MAX_OFFSET } } });
    }
    // One row more than asked says whether there is an older page, without counting them all.
    const rows = await this.entries.reviewedPage(criteria, { ...page, limit: page.limit + 1 });
    const shown = rows.slice(0, page.limit);
    return {
      rows: shown.map(({ entry, reviewed }) => toActivityListEntry(entry, reviewed)),
      nextCursor: rows.length > page.limit ? shown[shown.length - 1].entry.seq : null,
    };
  }

  /** A page with its total, for timelines whose entries are few (a client's, a user's). */
  async timeline(criteria: ActivityCriteria, offset: number, limit: number): Promise<{ rows: ActivityListEntry[]; total: number }> {
    const [{ rows }, total] = await Promise.all([this.list(criteria, { offset, limit }), this.entries.count(criteria)]);
    return { rows, total };
  }

  async staff(): Promise<ActivityStaffOption[]> {
    return (await this.entries.staffNames()).map(({ id, displayName }) => ({ id, displayName }));
  }

  async detail(id: string): Promise<ActivityDetailResponse> {
    const entry = /^[0-9a-f-]{36}$/i.test(id) ? await this.entries.findById(id) : null;
    if (!entry) throw new DomainError(ErrorCode.NotFound, { resource: 'activity entry' });
    const reviewSeqs = (await this.entries.reviewsCovering([entry.seq])).get(entry.seq) ?? [];
    const reviews = (await this.entries.findBySeqs(reviewSeqs)).sort((a, b) => a.seq - b.seq);
    return toActivityDetail(entry, reviews);
  }
}
