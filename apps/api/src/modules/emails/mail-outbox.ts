import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { MailStatus } from '@keydesk/domain';
import type { MailLocale } from '@keydesk/mailer';

import { Clock } from '../../common/time/clock';
import { MailOutboxEntity } from './mail-outbox.entity';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailRenderer } from './mail-renderer';
import { MailSecrets } from './mail-secrets';

export interface MailRequest {
  clientId?: number | null;
  userId?: number | null;
  ticketId?: number | null;
  to: string;
  locale: MailLocale;
  /** A folder of libs/mailer/templates, e.g. `ticket-reply`; its README lists the variables. */
  template: string;
  /** Plain variables: stored as they are and shown to staff in the Emails tab. */
  data: Readonly<Record<string, string | number | boolean>>;
  /** Links, passwords, codes: sealed until delivery, then wiped; staff see "[redacted]". */
  secrets?: Readonly<Record<string, string>>;
}

/** Set on the transaction's query runner, so its commit wakes the worker (see MailCommitListener). */
export const MAIL_QUEUED = 'keydesk.mailQueued';

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/**
 * Where a business mail starts: it is written in the caller's transaction, so an action that rolls
 * back sends nothing, and one that commits cannot lose its mail. Enqueueing records no audit entry:
 * the caller's own entry names the mail it produced.
 */
@Injectable()
export class MailOutbox {
  constructor(
    private readonly mails: MailOutboxRepository,
    private readonly renderer: MailRenderer,
    private readonly secrets: MailSecrets,
    private readonly clock: Clock,
  ) {}

  async enqueue(manager: EntityManager, request: MailRequest): Promise<MailOutboxEntity> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive)
      throw new Error('MailOutbox.enqueue must run inside the transaction of the action that sends the mail');
    const to = request.to.trim();
    if (!ADDRESS.test(to) || to.length > 254) throw new Error(`MailOutbox.enqueue: "${to}" is not a mail address`);
    const secrets = request.secrets ?? {};
    const secretNames = Object.keys(secrets);
    assertSecretsApart(request.data, secrets);
    // Rendering now checks every variable is there, so a mistake fails the action, not the delivery.
    const { subject } = this.renderer.renderRedacted(
      { template: request.template, locale: request.locale, data: request.data },
      secretNames,
    );
    const now = this.clock.now();
    const mail = Object.assign(new MailOutboxEntity(), {
      clientId: request.clientId ?? null,
      userId: request.userId ?? null,
      ticketId: request.ticketId ?? null,
      recipient: to,
      locale: request.locale,
      template: request.template,
      data: JSON.stringify(request.data),
      secrets:
        secretNames.length > 0 ? this.secrets.seal(secrets, { template: request.template, recipient: to }) : null,
      secretNames: secretNames.join(','),
      hasSecret: secretNames.length > 0,
      subject: subject.slice(0, 500),
      status: MailStatus.Queued,
      attempts: 0,
      nextAttemptAt: now.getTime(),
      claimedUntil: null,
      claimedBy: null,
      lastError: null,
      sentAt: null,
      createdAt: now,
    });
    const saved = await this.mails.insert(manager, mail);
    runner.data[MAIL_QUEUED] = true;
    return saved;
  }
}

function assertSecretsApart(data: Readonly<Record<string, unknown>>, secrets: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(secrets)) {
    if (name in data) throw new Error(`MailOutbox.enqueue: "${name}" is both a plain and a secret variable`);
    if (!/^\w+$/.test(name)) throw new Error(`MailOutbox.enqueue: "${name}" is not a variable name`);
    if (typeof value !== 'string' || value === '') throw new Error(`MailOutbox.enqueue: the secret "${name}" is empty`);
  }
}
