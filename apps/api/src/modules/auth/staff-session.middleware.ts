import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

import { ActivityAction, ActorType, SubjectType } from '@keydesk/domain';

import { requestContextOf } from '../../common/http/request-context';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import { StaffSessionCookie } from './staff-session-cookie';
import { StaffSessionService } from './staff-session.service';

/**
 * Who is asking: the staff session in the cookie, read with its staff member in one statement,
 * its limits enforced (OWASP Session Management: 30 min idle, 8 h absolute). Sets request.user and
 * request.staffSession for the guards; a session a limit ended is logged, and its 401 says so.
 */
@Injectable()
export class StaffSessionMiddleware implements NestMiddleware {
  constructor(
    private readonly sessions: StaffSessionService,
    private readonly cookie: StaffSessionCookie,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
  ) {}

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    try {
      const found = await this.sessions.lookup(this.cookie.read(request));
      if (found.kind === 'live') {
        request.user = found.staff;
        request.staffSession = found.session;
      } else if (found.kind === 'expired') {
        const { staff } = found;
        const context = requestContextOf(request);
        await this.transactions.run((manager) =>
          this.audit.record(manager, {
            actor: { type: ActorType.Staff, id: staff.id, name: staff.displayName },
            action: ActivityAction.StaffSessionExpired,
            subject: { type: SubjectType.Staff, id: staff.id, name: staff.displayName },
            ip: context.ip,
            userAgent: context.userAgent,
            details: { limit: found.limit },
          }),
        );
        this.cookie.clear(response);
        request.sessionExpired = true;
      }
      next();
    } catch (error) {
      next(error);
    }
  }
}
