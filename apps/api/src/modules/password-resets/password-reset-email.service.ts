import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { ActivityAction, ErrorCode, PasswordResetResponse, SubjectType, TicketStatus } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { translate } from '../../common/i18n/translate';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { staffActor } from '../audit/audit-actors';
import { AuditService } from '../audit/audit.service';
import { ClientEntity } from '../clients/client.entity';
import { MailOutbox } from '../emails/mail-outbox';
import { TicketMessageRepository } from '../tickets/ticket-message.repository';
import { TicketReplyMail } from '../tickets/ticket-reply-mail';
import { TicketEntity } from '../tickets/ticket.entity';
import { TicketRepository } from '../tickets/ticket.repository';
import { ClientUserRepository } from '../users/client-user.repository';
import { UserEntity } from '../users/user.entity';
import { UserRepository } from '../users/user.repository';
import { SendResetEmailDto } from './dto/send-reset-email.dto';
import { PasswordResetTokenEntity } from './password-reset-token.entity';
import { toPasswordResetResponse } from './password-reset.mapper';
import { PasswordResetRepository } from './password-reset.repository';
import { hashResetToken, newResetToken } from './reset-token';

/**
 * "Send password reset email" (step 5 of the procedure) and, with a ticket, step 6: the customer
 * is told there to look for the mail. One transaction: the link, the mail, the reply, the trail.
 */
@Injectable()
export class PasswordResetEmailService {
  constructor(
    private readonly resets: PasswordResetRepository,
    private readonly users: UserRepository,
    private readonly memberships: ClientUserRepository,
    private readonly tickets: TicketRepository,
    private readonly ticketMessages: TicketMessageRepository,
    private readonly replyMail: TicketReplyMail,
    private readonly outbox: MailOutbox,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async send(userId: number, dto: SendResetEmailDto, context: RequestContext): Promise<PasswordResetResponse> {
    const user = await this.requireUser(userId);
    const client = await this.chooseClient(user, dto.clientId);
    const ticket = dto.ticketId === undefined ? null : await this.requireTicketOf(client, dto.ticketId);
    const author = context.staff;
    if (!author) throw new DomainError(ErrorCode.NotAuthenticated);
    const token = newResetToken();
    const validMinutes = Math.round(this.config.auth.resetLinkSeconds / 60);
    const row = await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const reset = await this.resets.insert(manager, Object.assign(new PasswordResetTokenEntity(), {
        userId, clientId: client.id, ticketId: ticket?.id ?? null, ticketMessageId: null, emailId: null,
        tokenHash: hashResetToken(token), expiresAt: now.getTime() + this.config.auth.resetLinkSeconds * 1000,
        usedAt: null, voidedAt: null, reason: dto.reason ?? null,
        sentByStaffId: author.id, sentByName: author.displayName, createdAt: now,
      }));
      await this.resets.voidLive(manager, userId, now, reset.id);
      const mail = await this.outbox.enqueue(manager, {
        clientId: client.id, userId, ticketId: ticket?.id ?? null, to: user.email, locale: client.language,
        template: 'password-reset-link',
        data: { displayName: nameOf(user), companyName: client.companyName, validMinutes },
        secrets: { resetUrl: new URL(`account/password/reset/${token}`, this.config.server.publicUrl).toString() },
      });
      const messageId = ticket ? await this.replyOnTicket(manager, ticket, client, user, validMinutes, context) : null;
      await this.resets.setEmailAndMessage(manager, reset.id, mail.id, messageId);
      await this.audit.record(manager, {
        actor: staffActor(context), action: ActivityAction.UserPasswordResetEmailSent, clientId: client.id,
        subject: { type: SubjectType.User, id: userId, name: nameOf(user) },
        ip: context.ip, userAgent: context.userAgent,
        details: {
          resetId: reset.id, clientId: client.id, ticketId: ticket?.id ?? null, ticketMessageId: messageId,
          reason: dto.reason ?? null, emailId: mail.id, to: user.email, expiresAt: new Date(reset.expiresAt).toISOString(),
        },
      });
      return Object.assign(reset, { emailId: mail.id, ticketMessageId: messageId });
    });
    return toPasswordResetResponse(row, this.clock.nowMs());
  }

  async list(userId: number, offset: number, limit: number): Promise<{ rows: PasswordResetResponse[]; total: number }> {
    await this.requireUser(userId);
    const [rows, total] = await this.resets.pageOfUser(userId, offset, limit);
    const now = this.clock.nowMs();
    return { rows: rows.map((row) => toPasswordResetResponse(row, now)), total };
  }

  /** A public reply from the template, as a staff reply is posted and mailed (TicketMessagesService.post). */
  private async replyOnTicket(
    manager: EntityManager, ticket: TicketEntity, client: ClientEntity, user: UserEntity, validMinutes: number, context: RequestContext,
  ): Promise<number> {
    const author = context.staff!;
    const body = translate(client.language, 'passwordReset.ticketReply', { name: nameOf(user), email: user.email, minutes: validMinutes });
    const message = await this.ticketMessages.addFromStaff(manager, ticket.id, author, body, false);
    await this.tickets.update(manager, ticket.id, { status: TicketStatus.Answered, lastReplyAt: this.clock.now() });
    const mail = await this.replyMail.enqueue(manager, ticket, message);
    await this.audit.record(manager, {
      actor: staffActor(context), action: ActivityAction.TicketReplied, clientId: ticket.clientId,
      subject: { type: SubjectType.Ticket, id: ticket.id, name: ticket.subject },
      ip: context.ip, userAgent: context.userAgent,
      details: {
        messageId: message.id, internal: false, length: body.length,
        status: { from: ticket.status, to: TicketStatus.Answered }, emailId: mail.id,
      },
    });
    return message.id;
  }

  private async requireUser(id: number): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw new DomainError(ErrorCode.NotFound, { resource: 'user' });
    return user;
  }

  /** The named client if the user belongs to it; else the first of the user's clients. */
  private async chooseClient(user: UserEntity, clientId: number | undefined): Promise<ClientEntity> {
    const memberships = await this.memberships.forUsers([user.id]);
    const membership = clientId === undefined ? memberships[0] : memberships.find((m) => m.clientId === clientId);
    if (membership) return membership.client;
    const key = clientId === undefined ? 'passwordReset.noClient' : 'passwordReset.notUserClient';
    throw new DomainError(ErrorCode.ValidationFailed, {}, { clientId: { key } });
  }

  private async requireTicketOf(client: ClientEntity, ticketId: number): Promise<TicketEntity> {
    const ticket = await this.tickets.findById(ticketId);
    if (!ticket || ticket.clientId !== client.id) {
      throw new DomainError(ErrorCode.ValidationFailed, {}, { ticketId: { key: 'passwordReset.notClientTicket' } });
    }
    return ticket;
  }
}

function nameOf(user: UserEntity): string {
  return `${user.firstName} ${user.lastName}`.trim();
}
