import { randomBytes } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import {
  ActivityAction,
  AssuredAction,
  CredentialWay,
  ErrorCode,
  generatePassword,
  PasswordDelivery,
  SetUserPasswordResponse,
  SubjectType,
  TicketDepartment,
  TicketPriority,
  TicketStatus,
} from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { translate } from '../../common/i18n/translate';
import { Clock } from '../../common/time/clock';
import { assertPasswordAccepted } from '../../common/validation/password-rules';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { AssuranceGate } from '../assurance/assurance-gate';
import { staffActor } from '../audit/audit-actors';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { ClientEntity } from '../clients/client.entity';
import { UserCredentialsService } from '../credentials/user-credentials.service';
import { MailOutbox } from '../emails/mail-outbox';
import { PasswordActionTargets } from '../password-resets/password-action-targets';
import { TemplatedReplies } from '../tickets/templated-replies';
import { TicketEntity } from '../tickets/ticket.entity';
import { TicketRepository } from '../tickets/ticket.repository';
import { MembershipWithClient } from '../users/client-user.repository';
import { UserEntity } from '../users/user.entity';
import { displayNameOf } from '../users/user-names';
import { SetUserPasswordDto } from './dto/set-user-password.dto';
import { PasswordRevealEntity } from './password-reveal.entity';
import { PasswordRevealRepository } from './password-reveal.repository';
import { hashRevealToken, newRevealToken, revealBox, revealContext } from './reveal-token';

/** What the transaction needs besides the request: all worked out (and the password hashed) before it starts. */
interface PasswordChange {
  user: UserEntity;
  membership: MembershipWithClient;
  ticket: TicketEntity | null;
  password: string;
  passwordHash: string;
  generated: boolean;
  delivery: PasswordDelivery;
}

/**
 * "Change password" on the Manage user page (the procedure's second way): a temporary password,
 * shared through a public reply on the client's ticket. One transaction posts the reply (which
 * holds only a placeholder), queues the `new-password` mail with the password or its view-once
 * link as a secret, and sets the password through the credentials module (which ends sessions,
 * voids older links, writes the trail and sends the notice, apart from the password's mail).
 * The agent's answer never carries the password.
 */
@Injectable()
export class UserPasswordService {
  constructor(
    private readonly targets: PasswordActionTargets,
    private readonly gate: AssuranceGate,
    private readonly reveals: PasswordRevealRepository,
    private readonly credentials: UserCredentialsService,
    private readonly tickets: TicketRepository,
    private readonly replies: TemplatedReplies,
    private readonly hasher: PasswordHasher,
    private readonly outbox: MailOutbox,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async set(userId: number, dto: SetUserPasswordDto, context: RequestContext): Promise<SetUserPasswordResponse> {
    if (!context.staff) throw new DomainError(ErrorCode.NotAuthenticated);
    assertOneOf(dto);
    const user = await this.targets.requireUser(userId);
    this.credentials.assertStaffMaySendPassword(user);
    const membership = await this.targets.chooseMembership(user, dto.clientId);
    const ticket =
      dto.ticketId === undefined ? null : await this.targets.requireTicketOf(membership.client, dto.ticketId);
    const generated = dto.generate === true;
    const password = generated ? generatePassword(randomBytes) : dto.password!;
    assertPasswordAccepted(
      password,
      {
        name: displayNameOf(user),
        email: user.email,
        username: membership.username,
        clientKey: membership.client.clientKey,
      },
      this.config.auth.passwordMinLength,
    );
    const guarded = {
      action: generated ? AssuredAction.PasswordGenerated : AssuredAction.PasswordTyped,
      userId: user.id,
      passwordAction: true,
      approvalId: dto.approvalId,
      clientId: membership.clientId,
    };
    // Bad input is the agent's to fix first; then who is asking; then the slow hash.
    await this.gate.precheck(context, guarded);
    // Hashed before the transaction: argon2 takes its time, and locks should not wait for it.
    const passwordHash = await this.hasher.hash(password);
    const change: PasswordChange = {
      user,
      membership,
      ticket,
      password,
      passwordHash,
      generated,
      delivery: dto.delivery ?? PasswordDelivery.Link,
    };
    return this.transactions.run(async (manager) => {
      await this.gate.enforce(manager, context, guarded);
      return this.apply(manager, change, dto, context);
    });
  }

  private async apply(
    manager: EntityManager,
    change: PasswordChange,
    dto: SetUserPasswordDto,
    context: RequestContext,
  ): Promise<SetUserPasswordResponse> {
    const {
      user,
      membership: { client, username },
    } = change;
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.auth.temporaryPasswordSeconds * 1000);
    const ticket = change.ticket ?? (await this.openTicket(manager, client, user, dto.newTicketSubject!, context));
    const validHours = Math.round(this.config.auth.temporaryPasswordSeconds / 3600);
    const body = translate(client.language, 'userPassword.ticketReply', {
      name: displayNameOf(user),
      email: user.email,
      hours: validHours,
      delivery: translate(client.language, `userPassword.delivery.${change.delivery}`),
    });
    const { reveal, secrets } = await this.secretsFor(manager, change, ticket, expiresAt, now);
    const { message, mail } = await this.replies.post(manager, ticket, body, context, (reply) =>
      this.outbox.enqueue(manager, {
        clientId: client.id,
        userId: user.id,
        ticketId: reply.ticketId,
        to: user.email,
        locale: client.language,
        template: 'new-password',
        data: {
          displayName: displayNameOf(user),
          companyName: client.companyName,
          clientKey: client.clientKey,
          username,
          ticketId: ticket.id,
          validHours,
          loginUrl: new URL('account/login', this.config.server.publicUrl).toString(),
        },
        secrets,
      }),
    );
    if (reveal) await this.reveals.setEmail(manager, reveal.id, mail.id);
    // The credential changes last: what it voids is what was live before, not this password's own link.
    await this.credentials.changePassword(manager, {
      user,
      client,
      way: CredentialWay.Staff,
      context,
      passwordHash: change.passwordHash,
      temporaryUntil: expiresAt,
      keepRevealId: reveal?.id,
      details: {
        clientId: client.id,
        ticketId: ticket.id,
        ticketCreated: !change.ticket,
        ticketMessageId: message.id,
        emailId: mail.id,
        to: user.email,
        delivery: change.delivery,
        generated: change.generated,
        revealId: reveal?.id ?? null,
        reason: dto.reason ?? null,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return {
      userId: user.id,
      clientId: client.id,
      ticketId: ticket.id,
      ticketCreated: !change.ticket,
      ticketMessageId: message.id,
      emailId: mail.id,
      delivery: change.delivery,
      generated: change.generated,
      expiresAt: expiresAt.toISOString(),
    };
  }

  /** The mail's secret: the password itself, or a view-once link whose row keeps it sealed under the link's token. */
  private async secretsFor(
    manager: EntityManager,
    change: PasswordChange,
    ticket: TicketEntity,
    expiresAt: Date,
    now: Date,
  ): Promise<{ reveal: PasswordRevealEntity | null; secrets: Record<string, string> }> {
    if (change.delivery === PasswordDelivery.Inline) return { reveal: null, secrets: { password: change.password } };
    const token = newRevealToken();
    const reveal = await this.reveals.insert(
      manager,
      Object.assign(new PasswordRevealEntity(), {
        userId: change.user.id,
        clientId: change.membership.clientId,
        ticketId: ticket.id,
        emailId: null,
        tokenHash: hashRevealToken(token),
        sealedPassword: revealBox(token).seal(change.password, revealContext(change.user.id)),
        expiresAt: expiresAt.getTime(),
        revealedAt: null,
        voidedAt: null,
        createdAt: now,
      }),
    );
    const revealUrl = new URL(`account/password/reveal/${token}`, this.config.server.publicUrl).toString();
    return { reveal, secrets: { revealUrl } };
  }

  /** A ticket for the user, opened by the agent for this reply (which becomes its first message). */
  private async openTicket(
    manager: EntityManager,
    client: ClientEntity,
    user: UserEntity,
    subject: string,
    context: RequestContext,
  ): Promise<TicketEntity> {
    const ticket = await this.tickets.save(
      manager,
      Object.assign(new TicketEntity(), {
        clientId: client.id,
        userId: user.id,
        subject,
        department: TicketDepartment.Support,
        priority: TicketPriority.Medium,
        status: TicketStatus.Open,
        assignedStaffId: null,
        lastReplyAt: this.clock.now(),
      }),
    );
    await this.audit.record(manager, {
      actor: staffActor(context),
      action: ActivityAction.TicketOpened,
      clientId: client.id,
      subject: { type: SubjectType.Ticket, id: ticket.id, name: ticket.subject },
      ip: context.ip,
      userAgent: context.userAgent,
      details: { department: ticket.department, priority: ticket.priority, userId: user.id },
    });
    return ticket;
  }
}

/** Exactly one way to get the password and exactly one ticket; each refusal names its field. */
function assertOneOf(dto: SetUserPasswordDto): void {
  const errors: Record<string, { key: string }> = {};
  const generate = dto.generate === true;
  if ((dto.password === undefined) === !generate)
    errors.password = { key: generate ? 'userPassword.passwordOrGenerate' : 'validation.isNotEmpty' };
  if ((dto.ticketId === undefined) === (dto.newTicketSubject === undefined)) {
    errors[dto.ticketId === undefined ? 'ticketId' : 'newTicketSubject'] = { key: 'userPassword.ticketOrNew' };
  }
  if (Object.keys(errors).length > 0) throw new DomainError(ErrorCode.ValidationFailed, {}, errors);
}
