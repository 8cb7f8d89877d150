import { createHash } from 'node:crypto';

import type { Request } from 'express';
import { Session, SessionData, Store } from 'express-session';

import { AppConfig } from '../../config/app.config';
import { Clock } from '../../common/time/clock';
import { SessionEntity } from './session.entity';
import { SessionRepository } from './session.repository';
import { handOverStaff, withStaff } from './session-staff-handover';

/**
 * Rows are read a day past their expiry so the timeout middleware can still see the session and
 * answer "session expired" (and log it) instead of a bare "not signed in"; housekeeping then
 * deletes them.
 */
export const SESSION_ROW_GRACE_MS = 24 * 60 * 60 * 1000;

type Callback<T = void> = (error?: unknown, value?: T) => void;

/**
 * express-session's store in the shared database, so any api process behind a load balancer can
 * serve any request. Rows expire at the sooner of the idle and absolute limits; an expired row is
 * never handed back, and SessionTimeoutMiddleware says why the session ended.
 */
export class DatabaseSessionStore extends Store {
  constructor(
    private readonly repository: SessionRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    super();
  }

  override get(sid: string, callback: Callback<SessionData | null>): void {
    this.repository
      .findLiveWithStaff(hashId(sid), this.clock.nowMs() - SESSION_ROW_GRACE_MS)
      .then(
        (live) => callback(undefined, live === null ? null : withStaff(JSON.parse(live.data) as SessionData, live)),
        callback,
      );
  }

  override createSession(request: Request, data: SessionData): Session & SessionData {
    handOverStaff(request, data);
    return super.createSession(request, data);
  }

  override set(sid: string, session: SessionData, callback?: Callback): void {
    const row = Object.assign(new SessionEntity(), {
      idHash: hashId(sid),
      staffId: session.passport?.user ?? null,
      data: JSON.stringify(session),
      expiresAt: this.expiresAt(session),
    });
    this.repository.save(row).then(() => callback?.(), callback);
  }

  /**
   * express-session touches on every request that did not change the session. The expiry only
   * moves when lastSeenAt does, and SessionTimeoutMiddleware changes it (so the session is saved
   * through `set`) at most every 30 s: a write per request would buy nothing.
   */
  override touch(_sid: string, _session: SessionData, callback?: Callback): void {
    callback?.();
  }

  override destroy(sid: string, callback?: Callback): void {
    this.repository.delete(hashId(sid)).then(() => callback?.(), callback);
  }

  private expiresAt(session: SessionData): number {
    const now = this.clock.nowMs();
    const idle = (session.lastSeenAt ?? now) + this.config.auth.sessionIdleSeconds * 1000;
    const absolute = (session.signedInAt ?? now) + this.config.auth.sessionAbsoluteSeconds * 1000;
    return Math.min(idle, absolute);
  }
}

export function hashId(sid: string): string {
  return createHash('sha256').update(sid).digest('hex');
}
