import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';

import { ActivityAction, SubjectType } from '@keydesk/domain';
import { scrubSecrets, type MailTransport } from '@keydesk/mailer';

import { describeError } from '../../common/errors/describe-error';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { DatabaseAvailability } from '../../database/database-availability';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { displayNameOf } from '../users/user-names';
import { UserEntity } from '../users/user.entity';
import { MailOutboxEntity } from './mail-outbox.entity';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailRenderer } from './mail-renderer';
import { MailSecrets } from './mail-secrets';
import { MAIL_TRANSPORT } from './mail-transport.provider';
import { BATCH_SIZE, CLAIM_MS, MAX_ATTEMPTS, retryDelayMs } from './retry-policy';

/**
 * Delivers the outbox: every MAIL_WORKER_INTERVAL_MS, and at once when a transaction that queued mail
 * commits. Several api processes may run it together; a claim in the database makes each mail
 * leave once (see MailOutboxRepository.claimDue).
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MailWorker.name);
  private readonly workerId = `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private runs = 0;
  private timer?: NodeJS.Timeout;
  private active = false;
  private nudged = false;
  private again = false;
  private running?: Promise<void>;

  constructor(
    private readonly mails: MailOutboxRepository,
    private readonly renderer: MailRenderer,
    private readonly secrets: MailSecrets,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly availability: DatabaseAvailability,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.mail.workerIntervalMs;
    if (interval === 0) return;
    this.active = true;
    this.timer = setInterval(() => this.tick(), interval);
    // Waiting mail must not keep a process alive that is otherwise done (the CLI, a test).
    this.timer.unref();
    this.logger.debug(`Delivering mail through ${this.transport.description}`);
  }

  async onModuleDestroy(): Promise<void> {
    this.active = false;
    clearInterval(this.timer);
    await this.running;
    await this.transport.close();
  }

  /** A transaction that queued mail committed: deliver it now rather than at the next tick. */
  nudge(): void {
    if (!this.active) return;
    this.nudged = true;
    setImmediate(() => this.tick());
  }

  /** Resolves once no delivery started by the timer or a nudge is under way (for tests). */
  async settled(): Promise<void> {
    while (this.nudged || this.running) await (this.running ?? new Promise((resolve) => setImmediate(resolve)));
  }

  /**
   * Claims the mail that is due and delivers it; returns how many mails it attempted. Safe to call
   * while another run is under way, here or in another process: each run claims other mails.
   */
  async runOnce(): Promise<number> {
    this.runs += 1;
    const claimant = `${this.workerId}#${this.runs}`.slice(0, 64);
    const now = this.clock.nowMs();
    if (!(await this.mails.hasDue(now))) return 0;
    const claimed = await this.transactions.run((manager) =>
      this.mails.claimDue(manager, { now, until: now + CLAIM_MS, claimant, limit: BATCH_SIZE }),
    );
    for (const mail of claimed) await this.deliver(mail);
    return claimed.length;
  }

  /** One run at a time from the timer and nudges; a nudge during a run asks for another. */
  private tick(): void {
    this.nudged = false;
    if (!this.active) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => (this.running = undefined));
  }

  private async drain(): Promise<void> {
    let attempted: number;
    do {
      this.again = false;
      try {
        attempted = await this.runOnce();
      } catch (error) {
        if (!this.availability.noteFailure(error))
          this.logger.warn(`Mail delivery run failed: ${describeError(error)}`);
        return;
      }
    } while (this.active && (this.again || attempted === BATCH_SIZE));
  }

  private async deliver(mail: MailOutboxEntity): Promise<void> {
    let secrets: Record<string, string> = {};
    try {
      if (mail.attempts > MAX_ATTEMPTS) throw new Error('Given up: the claims of earlier attempts expired unfinished');
      if (mail.secrets) secrets = this.secrets.open(mail.secrets, mail);
      const rendered = this.renderer.render(
        { template: mail.template, locale: mail.locale, data: JSON.parse(mail.data) },
        secrets,
      );
      await this.transport.send({ ...rendered, to: mail.recipient, messageId: this.messageIdOf(mail) });
    } catch (error) {
      await this.recordFailure(mail, scrubSecrets(describeError(error), secrets));
      return;
    }
    const kept = await this.transactions.run(async (manager) => {
      const marked = await this.mails.markSent(manager, mail, this.clock.now());
      // The customer's timeline shows the mail going out; the entry names the mail, never its content.
      if (marked) {
        const user = mail.userId ? await manager.getRepository(UserEntity).findOneBy({ id: mail.userId }) : null;
        await this.audit.record(manager, {
          actor: SYSTEM_ACTOR,
          action: ActivityAction.EmailSent,
          clientId: mail.clientId,
          subject: user
            ? { type: SubjectType.User, id: user.id, name: displayNameOf(user) }
            : { type: SubjectType.Email, id: mail.id, name: mail.subject },
          details: {
            emailId: mail.id,
            template: mail.template,
            to: mail.recipient,
            ticketId: mail.ticketId,
            attempts: mail.attempts,
          },
        });
      }
      return marked;
    });
    if (!kept) this.logger.warn(`Mail ${mail.id} was sent after its claim had expired; it may have left twice`);
  }

  private async recordFailure(mail: MailOutboxEntity, reason: string): Promise<void> {
    const giveUp = mail.attempts >= MAX_ATTEMPTS;
    const next = giveUp ? null : this.clock.nowMs() + retryDelayMs(mail.attempts);
    this.logger.warn(
      `Mail ${mail.id} (${mail.template}), attempt ${mail.attempts}, failed${giveUp ? ' for good' : ''}: ${reason}`,
    );
    await this.transactions.run((manager) => this.mails.markFailed(manager, mail, reason.slice(0, 500), next));
  }

  /** Stable per mail, so a receiving client can tell a duplicate apart; a resent copy is another mail. */
  private messageIdOf(mail: MailOutboxEntity): string {
    return `keydesk-mail-${mail.id}@${this.config.server.publicUrl.hostname}`;
  }
}
