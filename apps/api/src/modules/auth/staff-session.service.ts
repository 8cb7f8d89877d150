import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { ErrorCode, SessionStaff, StaffSessionResponse } from '@keydesk/domain';

import { hashSessionId, newSessionSecret, SESSION_ID_SHAPE } from '../../common/http/session-ids';
import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { SignInMethod, StaffSessionEntity } from './staff-session.entity';
import { StaffSessionRepository } from './staff-session.repository';

/** Only write last_seen_at when it was last moved this long ago: not on every request. */
const LAST_SEEN_RESOLUTION_MS = 30_000;

export interface StartedStaffSession {
  /** Goes into the cookie and nowhere else. */
  cookieId: string;
  session: StaffSessionEntity;
}

export type StaffSessionLookup =
  | { kind: 'live'; session: StaffSessionEntity; staff: SessionStaff }
  /** There was one and a limit ended it: the 401 says so. */
  | { kind: 'expired'; session: StaffSessionEntity; staff: SessionStaff; limit: 'idle' | 'absolute' }
  | { kind: 'none' };

/**
 * Staff sessions (OWASP Session Management): 256 random bits in the cookie, its SHA-256 as the
 * key, the idle and absolute limits checked here on every request, a new id at every sign-in.
 * The row says which factor signed it in and when the person last proved themselves.
 */
@Injectable()
export class StaffSessionService {
  constructor(
    private readonly repository: StaffSessionRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * A new session after the password. `secondFactorPending`: it serves only the second factor,
   * enrolment and sign-out until promote() finishes the sign-in.
   */
  start(
    manager: EntityManager,
    staffId: number,
    context: RequestContext,
    secondFactorPending: boolean,
  ): Promise<StartedStaffSession> {
    const now = this.clock.nowMs();
    return this.insert(manager, {
      staffId,
      createdAt: now,
      expiresAt: now + this.config.auth.sessionAbsoluteSeconds * 1000,
      ip: context.ip,
      userAgent: context.userAgent,
      signedInWith: 'password',
      steppedUpAt: secondFactorPending ? null : now,
      secondFactorPending,
    });
  }

  /** The second factor is proved: the same sign-in under a new id and CSRF token, no longer pending. */
  async promote(
    manager: EntityManager,
    session: StaffSessionEntity,
    method: SignInMethod,
  ): Promise<StartedStaffSession> {
    await this.repository.delete(manager, session.idHash);
    const { staffId, createdAt, expiresAt, ip, userAgent } = session;
    return this.insert(manager, {
      staffId,
      createdAt,
      expiresAt,
      ip,
      userAgent,
      signedInWith: method,
      steppedUpAt: this.clock.nowMs(),
      secondFactorPending: false,
    });
  }

  async lookup(cookieId: string | undefined): Promise<StaffSessionLookup> {
    if (!cookieId || !SESSION_ID_SHAPE.test(cookieId)) return { kind: 'none' };
    const found = await this.repository.findWithStaff(hashSessionId(cookieId));
    if (!found) return { kind: 'none' };
    const { session, staff } = found;
    // Disabling a staff member ends their sessions; one left behind by a race ends here.
    if (!staff) return this.end(session.idHash).then(() => ({ kind: 'none' }));
    const now = this.clock.nowMs();
    const limit =
      now >= session.expiresAt
        ? 'absolute'
        : now - session.lastSeenAt >= this.config.auth.sessionIdleSeconds * 1000
          ? 'idle'
          : null;
    if (limit) {
      await this.end(session.idHash);
      return { kind: 'expired', session, staff, limit };
    }
    if (now - session.lastSeenAt >= LAST_SEEN_RESOLUTION_MS) {
      // Through the runner: on SQLite a bare write could land inside another request's transaction.
      await this.transactions.run((manager) => this.repository.touch(manager, session.idHash, now));
    }
    return { kind: 'live', session, staff };
  }

  private async insert(
    manager: EntityManager,
    fields: Omit<
      StaffSessionEntity,
      'idHash' | 'csrfToken' | 'lastSeenAt' | 'failedSecondFactors' | 'webauthnChallenge'
    >,
  ): Promise<StartedStaffSession> {
    const cookieId = newSessionSecret();
    const session = Object.assign(new StaffSessionEntity(), fields, {
      idHash: hashSessionId(cookieId),
      csrfToken: newSessionSecret(),
      lastSeenAt: this.clock.nowMs(),
      failedSecondFactors: 0,
      webauthnChallenge: null,
    });
    await this.repository.insert(manager, session);
    return { cookieId, session };
  }

  /** The staff member's live sessions, each named by the start of its key (never the cookie). */
  async listOf(staffId: number, currentIdHash: string): Promise<StaffSessionResponse[]> {
    const idleSince = this.clock.nowMs() - this.config.auth.sessionIdleSeconds * 1000;
    const rows = await this.repository.listOf(staffId, this.clock.nowMs());
    return rows
      .filter((row) => row.lastSeenAt > idleSince)
      .map((row) => ({
        id: publicId(row.idHash),
        createdAt: new Date(row.createdAt).toISOString(),
        lastSeenAt: new Date(row.lastSeenAt).toISOString(),
        ip: row.ip,
        userAgent: row.userAgent,
        signedInWith: row.signedInWith,
        current: row.idHash === currentIdHash,
      }));
  }

  endOthers(staffId: number, keepIdHash: string): Promise<number> {
    return this.transactions.run((manager) => this.repository.deleteAllOf(manager, staffId, keepIdHash));
  }

  /** One of the staff member's own sessions, by its public id; 404 for anyone else's. */
  async endOwn(staffId: number, id: string): Promise<void> {
    const row = (await this.repository.listOf(staffId, 0)).find((session) => publicId(session.idHash) === id);
    if (!row) throw new DomainError(ErrorCode.NotFound, { resource: 'route' });
    await this.end(row.idHash);
  }

  end(idHash: string, manager?: EntityManager): Promise<void> {
    if (manager) return this.repository.delete(manager, idHash);
    return this.transactions.run((own) => this.repository.delete(own, idHash));
  }
}

/** A session's name in the API: the start of its key, enough to tell a person's sessions apart. */
function publicId(idHash: string): string {
  return idHash.slice(0, 16);
}
