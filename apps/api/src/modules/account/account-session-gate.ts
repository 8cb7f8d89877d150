import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';

import { RequestContext } from '../../common/http/request-context';
import { UserSessionCookie } from '../user-sessions/user-session-cookie';
import { ClientAreaService, SignedInUser } from './client-area.service';

/**
 * What a signed-in session is waiting for: its second factor, an enrolment its client requires, a
 * password to replace a temporary one; or nothing ('full'). Each page accepts some stages.
 */
export type SessionStage = 'second-factor' | 'enrolment' | 'password-change' | 'full';

const STAGE_PAGE: Record<SessionStage, string> = {
  'second-factor': '/account/login/second-factor',
  enrolment: '/account/security',
  'password-change': '/account/password/change',
  full: '/account/',
};

export function stageOf(current: SignedInUser): SessionStage {
  if (current.session.secondFactorPending) return 'second-factor';
  if (current.session.enrolmentRequired) return 'enrolment';
  if (current.user.mustChangePassword) return 'password-change';
  return 'full';
}

/**
 * The client area's pages ask here for the customer behind the cookie: a page answers only to the
 * stages it accepts, and any other stage is sent to the page it waits for. So a session signed in
 * with the password alone reaches nothing but the second-factor page (and signing out).
 */
@Injectable()
export class AccountSessionGate {
  constructor(
    private readonly area: ClientAreaService,
    private readonly cookie: UserSessionCookie,
  ) {}

  /** The live session's customer, or null once the answer (a redirect) is sent. */
  async require(
    request: Request,
    response: Response,
    context: RequestContext,
    accepts: readonly SessionStage[] | 'any' = ['full'],
  ): Promise<SignedInUser | null> {
    const current = await this.area.current(this.cookie.read(request), context.locale);
    response.setHeader('Cache-Control', 'no-store');
    if (current.kind !== 'live') {
      if (current.kind === 'expired') this.cookie.clear(response);
      response.redirect(303, current.kind === 'expired' ? '/account/login?ended=1' : '/account/login');
      return null;
    }
    const stage = stageOf(current);
    if (accepts === 'any' || accepts.includes(stage)) return current;
    response.redirect(303, STAGE_PAGE[stage]);
    return null;
  }
}
