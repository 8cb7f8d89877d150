import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { hashSessionId, newSessionSecret, SESSION_ID_SHAPE } from '../../common/http/session-ids';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { UserSessionEntity } from './user-session.entity';
import { UserSessionRepository } from './user-session.repository';

/** Only write last_seen_at when it was last moved this long ago: not on every request. */
const LAST_SEEN_RESOLUTION_MS = 30_000;

export interface StartedSession {
  /** Goes into the cookie and nowhere else. */
  cookieId: string;
  session: UserSessionEntity;
}

export type SessionLookup =
  | { kind: 'live'; session: UserSessionEntity }
  /** There was one and a limit ended it: the sign-in page says so. */
  | { kind: 'expired' }
  | { kind: 'none' };

export interface SessionOrigin {
  userId: number;
  clientId: number | null;
  ip: string | null;
  userAgent: string | null;
  /** Signed in with the password only: the second factor (or the enrolment the client requires) comes next. */
  secondFactorPending?: boolean;
  enrolmentRequired?: boolean;
}

/** A session as it starts: nothing failed yet, no passkey ceremony under way. */
const FRESH = { failedSecondFactors: 0, webauthnChallenge: null } as const;

/**
 * Client-area sessions (OWASP Session Management): 256 random bits in the cookie, its SHA-256 as
 * the key, idle and absolute limits checked here on every request, a new id at sign-in and at a
 * password change.
 */
@Injectable()
export class UserSessionService {
  constructor(
    private readonly repository: UserSessionRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async start(manager: EntityManager, origin: SessionOrigin): Promise<StartedSession> {
    const now = this.clock.nowMs();
    return this.insert(manager, {
      ...FRESH,
      ...origin,
      secondFactorPending: origin.secondFactorPending ?? false,
      enrolmentRequired: origin.enrolmentRequired ?? false,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + this.config.auth.customerSessionAbsoluteSeconds * 1000,
    });
  }

  /**
   * The same session under a new id and CSRF token; its absolute limit still counts from sign-in.
   * `stage` changes what it waits for: a second factor proved, an enrolment required.
   */
  async rotate(
    manager: EntityManager,
    session: UserSessionEntity,
    stage: Partial<Pick<UserSessionEntity, 'secondFactorPending' | 'enrolmentRequired'>> = {},
  ): Promise<StartedSession> {
    await this.repository.delete(manager, session.idHash);
    const { userId, clientId, ip, userAgent, createdAt, expiresAt } = session;
    return this.insert(manager, {
      ...FRESH,
      secondFactorPending: stage.secondFactorPending ?? session.secondFactorPending,
      enrolmentRequired: stage.enrolmentRequired ?? session.enrolmentRequired,
      userId,
      clientId,
      ip,
      userAgent,
      createdAt,
      expiresAt,
      lastSeenAt: this.clock.nowMs(),
    });
  }

  async lookup(cookieId: string | undefined): Promise<SessionLookup> {
    if (!cookieId || !SESSION_ID_SHAPE.test(cookieId)) return { kind: 'none' };
    const session = await this.repository.findByHash(hashSessionId(cookieId));
    if (!session) return { kind: 'none' };
    const now = this.clock.nowMs();
    if (now >= session.expiresAt || now - session.lastSeenAt >= this.config.auth.customerSessionIdleSeconds * 1000) {
      await this.end(session.idHash);
      return { kind: 'expired' };
    }
    if (now - session.lastSeenAt >= LAST_SEEN_RESOLUTION_MS) {
      // Through the runner: on SQLite a bare write could land inside another request's transaction.
      await this.transactions.run((manager) => this.repository.touch(manager, session.idHash, now));
    }
    return { kind: 'live', session };
  }

  end(idHash: string, manager?: EntityManager): Promise<void> {
    if (manager) return this.repository.delete(manager, idHash);
    return this.transactions.run((own) => this.repository.delete(own, idHash));
  }

  private async insert(
    manager: EntityManager,
    fields: Omit<UserSessionEntity, 'idHash' | 'csrfToken'>,
  ): Promise<StartedSession> {
    const cookieId = newSessionSecret();
    const session = Object.assign(new UserSessionEntity(), fields, {
      idHash: hashSessionId(cookieId),
      csrfToken: newSessionSecret(),
    });
    await this.repository.insert(manager, session);
    return { cookieId, session };
  }
}
