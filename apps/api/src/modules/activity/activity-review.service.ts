import { Injectable } from '@nestjs/common';

import { ActivityAction, ActivityReviewResponse, ErrorCode } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { TransactionRunner } from '../../database/transaction-runner';
import { staffActor } from '../audit/audit-actors';
import { AuditService } from '../audit/audit.service';
import { ActivityRepository, ReviewCoverage } from './activity.repository';
import { CreateReviewDto } from './dto/create-review.dto';

/**
 * A supervisor marks entries, or a whole period, as reviewed. The review is itself an audit
 * entry (the trail stays append-only); the marks beside it only index what it covers.
 */
@Injectable()
export class ActivityReviewService {
  constructor(
    private readonly entries: ActivityRepository,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
  ) {}

  async review(dto: CreateReviewDto, context: RequestContext): Promise<ActivityReviewResponse> {
    const byIds = dto.entryIds !== undefined;
    const byPeriod = dto.from !== undefined || dto.to !== undefined;
    if (byIds === byPeriod || (byPeriod && (!dto.from || !dto.to))) {
      throw new DomainError(ErrorCode.ValidationFailed, {}, { entryIds: { key: 'activity.entriesOrPeriod' } });
    }
    const covered = byIds
      ? await this.entrySeqs(dto.entryIds!)
      : await this.periodSeqs(new Date(dto.from!), new Date(dto.to!));
    return this.transactions.run(async (manager) => {
      const entry = await this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.ActivityReviewed,
        ip: context.ip,
        userAgent: context.userAgent,
        details: {
          comment: dto.comment,
          ...(byIds ? { entryIds: dto.entryIds } : { from: dto.from, to: dto.to }),
          covered: 'count' in covered ? covered.count : covered.seqs.length,
        },
      });
      const coverage: ReviewCoverage =
        'count' in covered
          ? { reviewSeq: entry.seq, range: covered }
          : { reviewSeq: entry.seq, entrySeqs: covered.seqs };
      await this.entries.saveCoverage(manager, coverage);
      return { id: entry.id, seq: entry.seq, covered: 'count' in covered ? covered.count : covered.seqs.length };
    });
  }

  private async entrySeqs(ids: string[]): Promise<{ seqs: number[] }> {
    const found = await this.entries.findByIds(ids);
    if (found.length !== ids.length)
      throw new DomainError(ErrorCode.ValidationFailed, {}, { entryIds: { key: 'activity.unknownEntries' } });
    return { seqs: found.map((entry) => entry.seq) };
  }

  private async periodSeqs(from: Date, to: Date): Promise<{ fromSeq: number; toSeq: number; count: number }> {
    if (!(from < to)) throw new DomainError(ErrorCode.ValidationFailed, {}, { to: { key: 'activity.periodOrder' } });
    return (await this.entries.seqRange(from, to)) ?? { fromSeq: 0, toSeq: -1, count: 0 };
  }
}
