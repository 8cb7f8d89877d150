import { Injectable } from '@nestjs/common';

import { ActivityAction, EmailDetailResponse, EmailResponse, ErrorCode, SubjectType } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { ListQuery } from '../../common/http/list-query';
import { RequestContext } from '../../common/http/request-context';
import { TransactionRunner } from '../../database/transaction-runner';
import { staffActor } from '../audit/audit-actors';
import { AuditService } from '../audit/audit.service';
import { emailFilterOf } from './email-filter';
import { toEmailDetailResponse, toEmailResponse } from './email.mapper';
import { MailOutbox } from './mail-outbox';
import { MailOutboxEntity } from './mail-outbox.entity';
import { EmailSortField, MailOutboxRepository } from './mail-outbox.repository';
import { MailRenderer } from './mail-renderer';

/** The mail Keydesk sent, as staff see it: status and body, never a secret. */
@Injectable()
export class EmailsService {
  constructor(
    private readonly mails: MailOutboxRepository,
    private readonly outbox: MailOutbox,
    private readonly renderer: MailRenderer,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
  ) {}

  async list(query: ListQuery<EmailSortField>): Promise<{ rows: EmailResponse[]; total: number }> {
    const [rows, total] = await this.mails.search(emailFilterOf(query.filter), query);
    return { rows: rows.map(toEmailResponse), total };
  }

  async get(id: number): Promise<EmailDetailResponse> {
    const mail = await this.require(id);
    return toEmailDetailResponse(mail, this.renderer.renderStored(mail));
  }

  /**
   * A new copy of a mail without secrets (a ticket reply, a "password changed" notice). A mail that
   * carried a link, password or code is refused: resending it would send a secret that is wiped, or
   * one that should no longer work; the action that made it issues a fresh one.
   */
  async resend(id: number, context: RequestContext): Promise<EmailDetailResponse> {
    const original = await this.require(id);
    if (original.hasSecret) throw new DomainError(ErrorCode.MailHasSecret);
    const copy = await this.transactions.run(async (manager) => {
      const row = await this.outbox.enqueue(manager, {
        clientId: original.clientId,
        userId: original.userId,
        ticketId: original.ticketId,
        to: original.recipient,
        locale: original.locale,
        template: original.template,
        data: JSON.parse(original.data) as Record<string, string | number | boolean>,
      });
      await this.audit.record(manager, {
        actor: staffActor(context),
        action: ActivityAction.EmailResent,
        clientId: original.clientId,
        subject: { type: SubjectType.Email, id: row.id, name: row.subject },
        ip: context.ip,
        userAgent: context.userAgent,
        details: { emailId: row.id, resentFromId: original.id, template: row.template, to: row.recipient },
      });
      return row;
    });
    return toEmailDetailResponse(copy, this.renderer.renderStored(copy));
  }

  private async require(id: number): Promise<MailOutboxEntity> {
    const mail = await this.mails.findById(id);
    if (!mail) throw new DomainError(ErrorCode.NotFound, { resource: 'email' });
    return mail;
  }
}
