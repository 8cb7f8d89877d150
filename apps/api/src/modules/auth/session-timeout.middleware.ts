import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

import { ActivityAction, ActorType, SubjectType } from '@keydesk/domain';

import { AppConfig } from '../../config/app.config';
import { Clock } from '../../common/time/clock';
import { requestContextOf } from '../../common/http/request-context';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import { StaffRepository } from '../staff/staff.repository';

/** Only write the session back when it was last marked this long ago: not on every request. */
const LAST_SEEN_RESOLUTION_MS = 30_000;

/**
 * Enforces the idle (30 min) and absolute (8 h) limits of a staff session (OWASP Session
 * Management). Runs after express-session and before passport reads the user from the session.
 */
@Injectable()
export class SessionTimeoutMiddleware implements NestMiddleware {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly staff: StaffRepository,
  ) {}

  async use(request: Request, _response: Response, next: NextFunction): Promise<void> {
    const session = request.session;
    const staffId = session?.passport?.user;
    if (!session || staffId === undefined) return next();
    const now = this.clock.nowMs();
    const idleFor = now - (session.lastSeenAt ?? now);
    const age = now - (session.signedInAt ?? now);
    const reason =
      age >= this.config.auth.sessionAbsoluteSeconds * 1000
        ? 'absolute'
        : idleFor >= this.config.auth.sessionIdleSeconds * 1000
          ? 'idle'
          : null;
    if (!reason) {
      if (idleFor >= LAST_SEEN_RESOLUTION_MS) session.lastSeenAt = now;
      return next();
    }
    try {
      const context = requestContextOf(request);
      const name = (await this.staff.findWithRoles(staffId))?.displayName ?? `#${staffId}`;
      await this.transactions.run((manager) =>
        this.audit.record(manager, {
          actor: { type: ActorType.Staff, id: staffId, name },
          action: ActivityAction.StaffSessionExpired,
          subject: { type: SubjectType.Staff, id: staffId, name },
          ip: context.ip,
          userAgent: context.userAgent,
          details: { limit: reason },
        }),
      );
      // regenerate, not destroy: the stored session goes, and passport still finds a (blank) one.
      await new Promise<void>((resolve, reject) => session.regenerate((error) => (error ? reject(error) : resolve())));
      request.sessionExpired = true;
      next();
    } catch (error) {
      next(error);
    }
  }
}
