import { Injectable } from '@nestjs/common';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';

import { ActivityAction, ActorType, SECOND_FACTOR_TRIES, SubjectType } from '@keydesk/domain';

import { RequestContext } from '../../common/http/request-context';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import { SignInThrottleService } from '../auth/sign-in-throttle.service';
import { CustomerPasskeysService } from '../customer-two-factor/customer-passkeys.service';
import { CustomerTwoFactorService } from '../customer-two-factor/customer-two-factor.service';
import { UserSessionRepository } from '../user-sessions/user-session.repository';
import { UserSessionService } from '../user-sessions/user-session.service';
import { AccountSignInService } from './account-sign-in.service';
import { userName } from './client-area-rules';
import { SignedInUser } from './client-area.service';
import { stageOf } from './account-session-gate';

export type SecondFactorOutcome =
  /** Signed in: the new cookie, and the page the session goes to next. */
  | { kind: 'done'; cookieId: string; next: string }
  | { kind: 'wrong'; triesLeft: number }
  /** The fifth wrong code: the attempt is over, sign in again. */
  | { kind: 'ended' };

/**
 * The second step of a client-area sign-in: an authenticator app's code or a recovery code. A
 * wrong one counts in the sign-in throttling (by the user's email and the IP) as a wrong password
 * does, and the fifth ends the attempt; a right one completes the sign-in under a new session id.
 */
@Injectable()
export class AccountSecondFactorService {
  constructor(
    private readonly twoFactor: CustomerTwoFactorService,
    private readonly passkeys: CustomerPasskeysService,
    private readonly signIns: AccountSignInService,
    private readonly sessions: UserSessionService,
    private readonly sessionRows: UserSessionRepository,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
  ) {}

  /** `proof`: the code typed, or a passkey's answer (the session's challenge). */
  async verify(
    current: SignedInUser,
    proof: { code: string } | { passkey: AuthenticationResponseJSON },
    context: RequestContext,
  ): Promise<SecondFactorOutcome> {
    const { user, session } = current;
    const client = current.memberships.find((m) => m.clientId === session.clientId)?.client ?? null;
    const acting = { user, client, sessionIdHash: session.idHash, context };
    const keys = this.throttle.keysFor(`user:${user.email}`, context.ip ?? 'unknown');
    return this.transactions.run(async (manager) => {
      const proved =
        'passkey' in proof
          ? await this.passkeys.prove(manager, acting, proof.passkey)
          : await this.twoFactor.prove(manager, acting, proof.code);
      if (proved) {
        const method =
          'passkey' in proof ? 'passkey' : /^\d{6}$/.test(proof.code.replace(/\s/g, '')) ? 'totp' : 'recovery_code';
        await this.signIns.completeSignIn(manager, user, session.clientId, context, { keys, secondFactor: method });
        const started = await this.sessions.rotate(manager, session, { secondFactorPending: false });
        return { kind: 'done', cookieId: started.cookieId, next: nextPage({ ...current, session: started.session }) };
      }
      const failed = (await this.sessionRows.addFailedSecondFactor(manager, session.idHash)) ?? SECOND_FACTOR_TRIES;
      const { lockedOut } = await this.throttle.recordFailure(manager, keys);
      const subject = { type: SubjectType.User, id: user.id, name: userName(user) };
      await this.audit.record(manager, {
        actor: { type: ActorType.User, id: user.id, name: userName(user) },
        action: ActivityAction.UserSecondFactorFailed,
        clientId: session.clientId,
        subject,
        ip: context.ip,
        userAgent: context.userAgent,
        details: { failed, lockedOut },
      });
      if (failed < SECOND_FACTOR_TRIES && !lockedOut) return { kind: 'wrong', triesLeft: SECOND_FACTOR_TRIES - failed };
      await this.sessions.end(session.idHash, manager);
      return { kind: 'ended' };
    });
  }
}

function nextPage(current: SignedInUser): string {
  const stage = stageOf(current);
  return stage === 'password-change' ? '/account/password/change' : '/account/';
}
