import { Injectable } from '@nestjs/common';

import { ActivityAction, ActorType, Locale, SubjectType } from '@keydesk/domain';

import { RequestContext } from '../../common/http/request-context';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit/audit.service';
import { ClientRepository } from '../clients/client.repository';
import { ResetFormTokens } from '../password-resets/reset-token';
import { displayNameOf } from '../users/user-names';
import { UserRepository } from '../users/user.repository';
import { PasswordRevealEntity } from './password-reveal.entity';
import { PasswordRevealRepository } from './password-reveal.repository';
import { hashRevealToken, revealBox, revealContext } from './reveal-token';

export interface OpenReveal {
  row: PasswordRevealEntity;
  locale: Locale;
  formToken: string;
}

export type RevealOutcome =
  | { kind: 'shown'; locale: Locale; password: string; expiresAt: Date }
  /** Unknown, already shown, replaced or expired: one answer for all. */
  | { kind: 'invalid' }
  | { kind: 'forged'; reveal: OpenReveal };

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The customer's side of a view-once link. Opening the link only shows a "Reveal" button (mail
 * scanners that fetch links use nothing up); pressing it, with the page's form token, shows the
 * password once and wipes it. The link works while its temporary password is the user's password.
 */
@Injectable()
export class PasswordRevealService {
  private readonly formTokens: ResetFormTokens;

  constructor(
    private readonly reveals: PasswordRevealRepository,
    private readonly users: UserRepository,
    private readonly clients: ClientRepository,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.formTokens = new ResetFormTokens(config.secrets.sessionSecret, 'password-reveal');
  }

  async open(token: string): Promise<OpenReveal | null> {
    const row = TOKEN_SHAPE.test(token) ? await this.reveals.findByHash(hashRevealToken(token)) : null;
    if (!row || row.revealedAt || row.voidedAt || !row.sealedPassword || row.expiresAt <= this.clock.nowMs())
      return null;
    const [user, client] = await Promise.all([this.users.findById(row.userId), this.clients.findById(row.clientId)]);
    // The user chose a password since (a reset link, the client area): this one no longer signs in.
    if (!user || !client || !user.mustChangePassword || user.passwordExpiresAt?.getTime() !== row.expiresAt)
      return null;
    return { row, locale: client.language, formToken: this.formTokens.issue(token) };
  }

  /** The language of a link's client even once it no longer works, so its page speaks it too. */
  async languageOf(token: string): Promise<Locale | null> {
    const row = TOKEN_SHAPE.test(token) ? await this.reveals.findByHash(hashRevealToken(token)) : null;
    return row ? ((await this.clients.findById(row.clientId))?.language ?? null) : null;
  }

  async reveal(token: string, formToken: unknown, context: RequestContext): Promise<RevealOutcome> {
    const reveal = await this.open(token);
    if (!reveal) return { kind: 'invalid' };
    if (!this.formTokens.verify(token, formToken)) return { kind: 'forged', reveal };
    const sealed = await this.transactions.run(async (manager) => {
      const taken = await this.reveals.take(manager, reveal.row.tokenHash, this.clock.now());
      if (taken === null) return null;
      const user = await this.users.findById(reveal.row.userId, manager);
      const name = user ? displayNameOf(user) : `#${reveal.row.userId}`;
      await this.audit.record(manager, {
        actor: { type: ActorType.User, id: reveal.row.userId, name },
        action: ActivityAction.UserPasswordRevealed,
        clientId: reveal.row.clientId,
        subject: { type: SubjectType.User, id: reveal.row.userId, name },
        ip: context.ip,
        userAgent: context.userAgent,
        details: { revealId: reveal.row.id, ticketId: reveal.row.ticketId, emailId: reveal.row.emailId },
      });
      return taken;
    });
    if (sealed === null) return { kind: 'invalid' };
    const password = revealBox(token).open(sealed, revealContext(reveal.row.userId));
    return { kind: 'shown', locale: reveal.locale, password, expiresAt: new Date(reveal.row.expiresAt) };
  }
}
