import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import {
  ActivityAction,
  AssuredAction,
  ErrorCode,
  PasswordResetResponse,
  SubjectType,
  WebhookEvent,
} from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { translate } from '../../common/i18n/translate';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { AssuranceGate } from '../assurance/assurance-gate';
import { staffActor } from '../audit/audit-actors';
import { AuditService } from '../audit/audit.service';
import { ClientEntity } from '../clients/client.entity';
import { UserCredentialsService } from '../credentials/user-credentials.service';
import { MailOutbox } from '../emails/mail-outbox';
import { TemplatedReplies } from '../tickets/templated-replies';
import { TicketReplyMail } from '../tickets/ticket-reply-mail';
import { TicketEntity } from '../tickets/ticket.entity';
import { UserEntity } from '../users/user.entity';
import { displayNameOf as nameOf } from '../users/user-names';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { SendResetEmailDto } from './dto/send-reset-email.dto';
import { PasswordActionTargets } from './password-action-targets';
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
    private readonly credentials: UserCredentialsService,
    private readonly targets: PasswordActionTargets,
    private readonly gate: AssuranceGate,
    private readonly replies: TemplatedReplies,
    private readonly replyMail: TicketReplyMail,
    private readonly outbox: MailOutbox,
    private readonly audit: AuditService,
    private readonly events: WebhookOutbox,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async send(userId: number, dto: SendResetEmailDto, context: RequestContext): Promise<PasswordResetResponse> {
    const user = await this.targets.requireUser(userId);
    this.credentials.assertStaffMaySendPassword(user);
    const { client } = await this.targets.chooseMembership(user, dto.clientId);
    const ticket = dto.ticketId === undefined ? null : await this.targets.requireTicketOf(client, dto.ticketId);
    const author = context.staff;
    if (!author) throw new DomainError(ErrorCode.NotAuthenticated);
    const guarded = {
      action: AssuredAction.ResetLink,
      userId,
      passwordAction: true,
      approvalId: dto.approvalId,
      clientId: client.id,
    };
    await this.gate.precheck(context, guarded);
    const token = newResetToken();
    const validMinutes = Math.round(this.config.auth.resetLinkSeconds / 60);
    const row = await this.transactions.run(async (manager) => {
      await this.gate.enforce(manager, context, guarded);
      const now = this.clock.now();
      const reset = await this.resets.insert(
        manager,
        Object.assign(new PasswordResetTokenEntity(), {
          userId,
          clientId: client.id,
          ticketId: ticket?.id ?? null,
          ticketMessageId: null,
          emailId: null,
          tokenHash: hashResetToken(token),
          expiresAt: now.getTime() + this.config.auth.resetLinkSeconds * 1000,
          usedAt: null,
          voidedAt: null,
          reason: dto.reason ?? null,
          sentByStaffId: author.id,
          sentByName: author.displayName,
          createdAt: now,
        }),
      );
      await this.resets.voidLive(manager, userId, now, reset.id);
      const mail = await this.outbox.enqueue(manager, {
        clientId: client.id,
        userId,
        ticketId: ticket?.id ?? null,
        to: user.email,
        locale: client.language,
        template: 'password-reset-link',
        data: { displayName: nameOf(user), companyName: client.companyName, validMinutes },
        secrets: { resetUrl: new URL(`account/password/reset/${token}`, this.config.server.publicUrl).toString() },
      });
      const messageId = ticket ? await this.replyOnTicket(manager, ticket, client, user, validMinutes, context) : null;
      await this.resets.setEmailAndMessage(manager, reset.id, mail.id, messageId);
      await this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.UserPasswordResetEmailSent,
        clientId: client.id,
        subject: { type: SubjectType.User, id: userId, name: nameOf(user) },
        ip: context.ip,
        userAgent: context.userAgent,
        details: {
          resetId: reset.id,
          clientId: client.id,
          ticketId: ticket?.id ?? null,
          ticketMessageId: messageId,
          reason: dto.reason ?? null,
          emailId: mail.id,
          to: user.email,
          expiresAt: new Date(reset.expiresAt).toISOString(),
        },
      });
      await this.events.emit(manager, WebhookEvent.PasswordResetSent, {
        userId,
        userName: nameOf(user),
        clientId: client.id,
        ticketId: ticket?.id ?? null,
        resetId: reset.id,
        staffId: author.id,
        staffName: author.displayName,
        expiresAt: new Date(reset.expiresAt).toISOString(),
      });
      return Object.assign(reset, { emailId: mail.id, ticketMessageId: messageId });
    });
    return toPasswordResetResponse(row, this.clock.nowMs());
  }

  async list(userId: number, offset: number, limit: number): Promise<{ rows: PasswordResetResponse[]; total: number }> {
    await this.targets.requireUser(userId);
    const [rows, total] = await this.resets.pageOfUser(userId, offset, limit);
    const now = this.clock.nowMs();
    return { rows: rows.map((row) => toPasswordResetResponse(row, now)), total };
  }

  /** Step 6: the customer is told on the ticket to look for the mail; the reply is mailed like any other. */
  private async replyOnTicket(
    manager: EntityManager,
    ticket: TicketEntity,
    client: ClientEntity,
    user: UserEntity,
    validMinutes: number,
    context: RequestContext,
  ): Promise<number> {
    const body = translate(client.language, 'passwordReset.ticketReply', {
      name: nameOf(user),
      email: user.email,
      minutes: validMinutes,
    });
    const { message } = await this.replies.post(manager, ticket, body, context, (reply) =>
      this.replyMail.enqueue(manager, ticket, reply),
    );
    return message.id;
  }
}
