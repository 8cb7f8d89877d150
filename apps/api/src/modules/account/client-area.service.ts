import { Injectable } from '@nestjs/common';

import { ActivityAction, ActorType, Locale, SubjectType, UserStatus } from '@keydesk/domain';

import { RequestContext } from '../../common/http/request-context';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import { MembershipWithClient, ClientUserRepository } from '../users/client-user.repository';
import { UserEntity } from '../users/user.entity';
import { UserRepository } from '../users/user.repository';
import { UserSessionEntity } from '../user-sessions/user-session.entity';
import { UserSessionService } from '../user-sessions/user-session.service';
import { userName } from './client-area-rules';

/** The customer behind a live session, read afresh on every request. */
export interface SignedInUser {
  session: UserSessionEntity;
  user: UserEntity;
  memberships: MembershipWithClient[];
  /** The language of the client signed in to, else of the user's first client. */
  locale: Locale;
}

export type CurrentUser = ({ kind: 'live' } & SignedInUser) | { kind: 'expired' } | { kind: 'none' };

/** Who is signed in to the client area, what the account page shows, and signing out. */
@Injectable()
export class ClientAreaService {
  constructor(
    private readonly sessions: UserSessionService,
    private readonly users: UserRepository,
    private readonly memberships: ClientUserRepository,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
  ) {}

  async current(cookieId: string | undefined, fallbackLocale: Locale): Promise<CurrentUser> {
    const lookup = await this.sessions.lookup(cookieId);
    if (lookup.kind !== 'live') return lookup;
    const { session } = lookup;
    const user = await this.users.findById(session.userId);
    // Disabled since sign-in: the session ends now, not at its limit.
    if (!user || user.status !== UserStatus.Active) {
      await this.sessions.end(session.idHash);
      return { kind: 'none' };
    }
    const memberships = await this.memberships.forUsers([user.id]);
    const client = memberships.find((m) => m.clientId === session.clientId) ?? memberships[0];
    return { kind: 'live', session, user, memberships, locale: client?.client.language ?? fallbackLocale };
  }

  profile(current: SignedInUser) {
    return {
      name: userName(current.user),
      email: current.user.email,
      clients: current.memberships.map((m) => ({
        companyName: m.client.companyName,
        clientKey: m.client.clientKey,
        username: m.username,
      })),
    };
  }

  async signOut(current: SignedInUser, context: RequestContext): Promise<void> {
    const { user } = current;
    await this.transactions.run(async (manager) => {
      await this.sessions.end(current.session.idHash, manager);
      await this.audit.record(manager, {
        actor: { type: ActorType.User, id: user.id, name: userName(user) },
        action: ActivityAction.UserSignedOut,
        clientId: current.session.clientId,
        subject: { type: SubjectType.User, id: user.id, name: userName(user) },
        ip: context.ip,
        userAgent: context.userAgent,
      });
    });
  }
}
