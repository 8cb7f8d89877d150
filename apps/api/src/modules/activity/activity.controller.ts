import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import {
  ActivityAnomaly,
  ActivityDetailResponse,
  ActivityListEntry,
  ActivityReviewResponse,
  ActivityStaffOption,
  ActivityVerifyResponse,
  ApprovalStatsRow,
  ErrorCode,
  PasswordActionStatsRow,
  Permission,
} from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { RequireStepUp } from '../../common/access/step-up';
import { DomainError } from '../../common/errors/domain-error';
import { JsonText } from '../../common/http/json-text';
import { parseListQuery, RawListQuery } from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiArray, ApiBody, ApiCreatedBody, ApiNoContent, ApiPage } from '../../common/openapi/api-responses';
import { ActivityExportService, ExportFormat } from './activity-export.service';
import { activityCriteria, filterDate } from './activity-filter';
import { ActivityInsightsService } from './activity-insights.service';
import { ActivityIntegrityService } from './activity-integrity.service';
import { ActivityQueryService } from './activity-query.service';
import { ActivityReviewService } from './activity-review.service';
import { CreateReviewDto } from './dto/create-review.dto';

const FILTER_DOC =
  'JSON: clientId, userId, staffId, action (one or a list), from, to (ISO dates, to exclusive), ip, q (text in the actor or subject name, or in an action value or its Spanish or English label)';

/** The supervisors' activity log: who did what to a customer's access, when and why. */
@ApiTags('activity')
@Controller('api/activity')
export class ActivityController {
  constructor(
    private readonly queries: ActivityQueryService,
    private readonly reviews: ActivityReviewService,
    private readonly insights: ActivityInsightsService,
    private readonly exports: ActivityExportService,
    private readonly integrity: ActivityIntegrityService,
  ) {}

  @Get()
  @RequirePermission(Permission.ActivityView)
  @ApiOperation({
    summary: 'Newest first. The first pages by range=[0,49]; deeper ones by cursor=<X-Next-Cursor of the page before>',
  })
  @ApiQuery({ name: 'filter', required: false, description: FILTER_DOC })
  @ApiQuery({ name: 'range', required: false, description: '[first,last]; first at most 1000' })
  @ApiQuery({ name: 'cursor', required: false, description: 'Entries older than this seq (keyset paging)' })
  @ApiPage('ActivityListEntry', 'One page of the log, newest first', {
    uncounted: true,
    headers: {
      'X-Next-Cursor': {
        description: 'The cursor of the next (older) page; absent at the oldest entry',
        schema: { type: 'string', pattern: '^\\d+$' },
      },
    },
  })
  async list(
    @Query() raw: RawListQuery & { cursor?: string },
    @Res({ passthrough: true }) response: Response,
  ): Promise<JsonText<ActivityListEntry[]>> {
    // The log is always newest first; react-admin's usual sort fields are accepted and mean that.
    const query = parseListQuery(raw, ['seq', 'id', 'occurredAt'] as const, 'seq');
    const cursor = raw.cursor === undefined ? undefined : Number(raw.cursor);
    if (cursor !== undefined && (!Number.isSafeInteger(cursor) || cursor < 1)) {
      throw new DomainError(ErrorCode.ValidationFailed, {}, { cursor: { key: 'validation.isInt' } });
    }
    const page =
      cursor === undefined ? { offset: query.offset, limit: query.limit } : { beforeSeq: cursor, limit: query.limit };
    const { json, count, nextCursor } = await this.queries.listJson(activityCriteria(query.filter), page);
    // The total is not counted (millions of rows): '*' as RFC 7233 allows, and the cursor of the next page.
    const first = cursor === undefined ? query.offset : 0;
    response.setHeader('Content-Range', `activity ${first}-${first + Math.max(count - 1, 0)}/*`);
    if (nextCursor !== null) response.setHeader('X-Next-Cursor', String(nextCursor));
    response.setHeader('Access-Control-Expose-Headers', 'Content-Range, X-Next-Cursor');
    // Written as JSON already: sent as it is.
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    return json;
  }

  @Get('export')
  @RequireStepUp()
  @RequirePermission(Permission.ActivityExport)
  @ApiOperation({ summary: 'The filtered log as CSV or JSON Lines, streamed; the export itself is logged' })
  @ApiQuery({ name: 'format', enum: ['csv', 'jsonl'] })
  @ApiQuery({ name: 'filter', required: false, description: FILTER_DOC })
  @ApiResponse({
    status: 200,
    description: 'The entries, newest first, as an attachment: CSV with a header row, or one JSON entry a line',
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/x-ndjson': { schema: { type: 'string' } },
    },
  })
  async export(
    @Query() raw: RawListQuery & { format?: string },
    @Res() response: Response,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    if (raw.format !== 'csv' && raw.format !== 'jsonl') {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        {},
        { format: { key: 'validation.isIn', params: { values: 'csv, jsonl' } } },
      );
    }
    const format: ExportFormat = raw.format;
    const criteria = activityCriteria(parseListQuery({ filter: raw.filter }, ['seq'] as const, 'seq').filter);
    await this.exports.record(criteria, format, context);
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    response.status(200);
    response.setHeader(
      'Content-Type',
      format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    );
    response.setHeader('Content-Disposition', `attachment; filename="keydesk-activity-${stamp}.${format}"`);
    response.setHeader('Cache-Control', 'no-store');
    try {
      await this.exports.write(criteria, format, response, context.locale);
      response.end();
    } catch (error) {
      // The status line is gone: all that is left is to cut the download short, so it cannot pass for whole.
      response.destroy(error as Error);
    }
  }

  @Get('verify')
  @RequirePermission(Permission.ActivityView)
  @ApiOperation({ summary: 'Walks the HMAC chain (from the latest signed checkpoint) and names the first broken row' })
  @ApiBody('ActivityVerifyResponse')
  verify(): Promise<ActivityVerifyResponse> {
    return this.integrity.verify();
  }

  @Get('verify/latest')
  @RequirePermission(Permission.ActivityView)
  @ApiOperation({
    summary: 'The last walk of the chain (by /verify, or every six hours by itself); 204 before the first',
  })
  @ApiBody('ActivityVerifyResponse')
  @ApiNoContent('The chain was never walked yet')
  async latestVerification(
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActivityVerifyResponse | undefined> {
    const latest = await this.integrity.latest();
    if (!latest) response.status(204);
    return latest ?? undefined;
  }

  @Get('stats')
  @RequirePermission(Permission.ActivityView)
  @ApiOperation({
    summary: 'Password actions per agent per day in [from, to); days of `tz` (an IANA time zone, default UTC)',
  })
  @ApiQuery({ name: 'tz', required: false, description: "e.g. America/Mexico_City: the supervisor's days" })
  @ApiArray('PasswordActionStatsRow', 'One row per day, agent and action that had any')
  stats(
    @Query('from') from: string,
    @Query('to') to: string,
    @Query('tz') tz?: string,
  ): Promise<PasswordActionStatsRow[]> {
    const period = periodOf(from, to);
    return this.insights.stats(period.from, period.to, timeZoneOf(tz));
  }

  @Get('anomalies')
  @RequirePermission(Permission.ActivityView)
  @ApiOperation({
    summary:
      'Bursts of password actions by one agent, more than three on one user in a day, password actions soon after the user signed in, changes the customer reported, and denied requests for approval',
  })
  @ApiArray('ActivityAnomaly')
  anomalies(@Query('from') from: string, @Query('to') to: string): Promise<ActivityAnomaly[]> {
    const period = periodOf(from, to);
    return this.insights.anomalies(period.from, period.to);
  }

  @Get('approvals')
  @RequirePermission(Permission.ActivityView)
  @ApiOperation({ summary: 'Requests for approval per requesting agent in [from, to), and what became of them' })
  @ApiArray('ApprovalStatsRow')
  approvals(@Query('from') from: string, @Query('to') to: string): Promise<ApprovalStatsRow[]> {
    const period = periodOf(from, to);
    return this.insights.approvals(period.from, period.to);
  }

  @Get('staff')
  @RequirePermission(Permission.ActivityView)
  @ApiOperation({ summary: "Every staff member's id and name (disabled ones too), to filter the log by who acted" })
  @ApiArray('ActivityStaffOption')
  staff(): Promise<ActivityStaffOption[]> {
    return this.queries.staff();
  }

  @Post('reviews')
  @HttpCode(201)
  @RequirePermission(Permission.ActivityView)
  @ApiOperation({
    summary: 'Marks entries, or a period, as reviewed with a comment; the review is an audit entry itself',
  })
  @ApiCreatedBody('ActivityReviewResponse')
  review(@Body() dto: CreateReviewDto, @Ctx() context: RequestContext): Promise<ActivityReviewResponse> {
    return this.reviews.review(dto, context);
  }

  @Get(':id')
  @RequirePermission(Permission.ActivityView)
  @ApiOperation({ summary: 'One entry with its changes, the reviews that cover it and any report by the customer' })
  @ApiBody('ActivityDetailResponse')
  detail(@Param('id') id: string): Promise<ActivityDetailResponse> {
    return this.queries.detail(id);
  }
}

/** An IANA time zone the runtime knows ("America/Bogota"), or UTC when none is given. */
function timeZoneOf(tz: unknown): string {
  if (tz === undefined || tz === '') return 'UTC';
  if (typeof tz === 'string' && tz.length <= 64) {
    try {
      return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
    } catch {
      // RangeError: not a zone this runtime knows; answered below.
    }
  }
  throw new DomainError(ErrorCode.ValidationFailed, {}, { tz: { key: 'activity.unknownTimeZone' } });
}

function periodOf(from: unknown, to: unknown): { from: Date; to: Date } {
  const period = { from: filterDate({ from }, 'from'), to: filterDate({ to }, 'to') };
  if (!period.from || !period.to) {
    throw new DomainError(
      ErrorCode.ValidationFailed,
      {},
      { [period.from ? 'to' : 'from']: { key: 'validation.isNotEmpty' } },
    );
  }
  return period as { from: Date; to: Date };
}
