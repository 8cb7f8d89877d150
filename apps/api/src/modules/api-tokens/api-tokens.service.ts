import { Injectable } from '@nestjs/common';

import {
  ActivityAction,
  API_TOKEN_FORBIDDEN_PERMISSIONS,
  API_TOKEN_MAX_DAYS,
  ApiTokenResponse,
  CreatedApiToken,
  ErrorCode,
  isPermission,
  Permission,
  SubjectType,
} from '@keydesk/domain';

import { AuthenticatedStaff } from '../../common/access/authenticated-staff';
import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import { staffActor } from '../audit/audit-actors';
import { AuditService } from '../audit/audit.service';
import { StaffRepository } from '../staff/staff.repository';
import { ApiTokenEntity } from './api-token.entity';
import { ApiTokenRepository } from './api-token.repository';
import { hashApiToken, newApiToken } from './api-token-secret';
import { CreateApiTokenDto } from './dto/create-api-token.dto';

const DAY_MS = 86_400_000;
/** last_used_at moves at most once a minute per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Tokens for integrations, made by an administrator: shown once, kept as a hash, checked on every
 * request (so a revocation holds at once in every api process). A request with a token acts as
 * its maker would, within the token's permissions, and the trail names both.
 */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly tokens: ApiTokenRepository,
    private readonly staff: StaffRepository,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateApiTokenDto, context: RequestContext): Promise<CreatedApiToken> {
    const maker = context.staff;
    if (!maker) throw new DomainError(ErrorCode.NotAuthenticated);
    const permissions = [...new Set(dto.permissions)];
    const forbidden = permissions.find((p) => API_TOKEN_FORBIDDEN_PERMISSIONS.includes(p));
    if (forbidden) {
      const params = { permission: forbidden };
      throw new DomainError(
        ErrorCode.ValidationFailed,
        {},
        { permissions: { key: 'apiTokens.forbiddenPermission', params } },
      );
    }
    const now = this.clock.nowMs();
    const expiresAt = new Date(dto.expiresAt).getTime();
    if (!(expiresAt > now) || expiresAt > now + API_TOKEN_MAX_DAYS * DAY_MS) {
      const params = { days: API_TOKEN_MAX_DAYS };
      throw new DomainError(ErrorCode.ValidationFailed, {}, { expiresAt: { key: 'apiTokens.expiry', params } });
    }
    const token = newApiToken();
    const row = await this.transactions.run(async (manager) => {
      const saved = await this.tokens.insert(manager, {
        name: dto.name,
        tokenHash: hashApiToken(token),
        prefix: token.slice(0, 8),
        permissions: permissions.join(','),
        createdBy: maker.id,
        createdByName: maker.displayName,
        createdAt: now,
        expiresAt,
        lastUsedAt: null,
        revokedAt: null,
      });
      await this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.ApiTokenCreated,
        subject: { type: SubjectType.System, id: `api-token:${saved.id}`, name: saved.name },
        ip: context.ip,
        userAgent: context.userAgent,
        details: { integrationId: saved.id, permissions, expiresAt: new Date(expiresAt).toISOString() },
      });
      return saved;
    });
    return { id: row.id, token };
  }

  async list(offset: number, limit: number): Promise<{ rows: ApiTokenResponse[]; total: number }> {
    const [rows, total] = await this.tokens.page(offset, limit);
    return { rows: rows.map(toApiTokenResponse), total };
  }

  async revoke(id: number, context: RequestContext): Promise<void> {
    const row = await this.tokens.findById(id);
    if (!row) throw new DomainError(ErrorCode.NotFound, { resource: 'route' });
    await this.transactions.run(async (manager) => {
      if (!(await this.tokens.revoke(manager, id, this.clock.nowMs()))) return;
      await this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.ApiTokenRevoked,
        subject: { type: SubjectType.System, id: `api-token:${id}`, name: row.name },
        ip: context.ip,
        userAgent: context.userAgent,
        details: { integrationId: id },
      });
    });
  }

  /**
   * Who a bearer token acts as: its maker (still active), with the token's permissions only;
   * null when it is unknown, revoked or expired.
   */
  async authenticate(token: string): Promise<AuthenticatedStaff | null> {
    const row = await this.tokens.findByHash(hashApiToken(token));
    const now = this.clock.nowMs();
    if (!row || row.revokedAt !== null || row.expiresAt <= now) return null;
    const maker = await this.staff.findActiveSessionStaff(row.createdBy);
    if (!maker) return null;
    if (row.lastUsedAt === null || now - row.lastUsedAt >= LAST_USED_RESOLUTION_MS)
      await this.transactions.run((manager) => this.tokens.touch(manager, row.id, now, now - LAST_USED_RESOLUTION_MS));
    return {
      ...maker,
      displayName: `API token "${row.name}" (${maker.displayName})`,
      // Never more than its maker may do now: an administrator who lost a role takes it from their tokens too.
      permissions: (row.permissions.split(',').filter(isPermission) as Permission[]).filter((p) =>
        maker.permissions.includes(p),
      ),
      apiToken: { id: row.id, name: row.name },
    };
  }
}

function toApiTokenResponse(row: ApiTokenEntity): ApiTokenResponse {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: row.id,
    name: row.name,
    permissions: row.permissions.split(',').filter(isPermission) as Permission[],
    prefix: row.prefix,
    createdBy: { id: row.createdBy, name: row.createdByName },
    createdAt: new Date(row.createdAt).toISOString(),
    expiresAt: new Date(row.expiresAt).toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
  };
}
