import type { MailTransport, OutgoingMail } from '@keydesk/mailer';

import { Clock } from '../../common/time/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import { DevMailboxMessageEntity } from './dev-mailbox-message.entity';
import { DevMailboxRepository } from './dev-mailbox.repository';

/**
 * With no SMTP_URL, mail "arrives" in the dev_mailbox table, shown at /dev/mailbox, so a newcomer
 * follows every flow in the browser without a mail server. It keeps secrets: never in production.
 */
export class DevMailboxTransport implements MailTransport {
  readonly description = 'the development mailbox at /dev/mailbox';

  constructor(
    private readonly from: string,
    private readonly messages: DevMailboxRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async send(mail: OutgoingMail): Promise<void> {
    const message = Object.assign(new DevMailboxMessageEntity(), {
      messageId: mail.messageId,
      sender: this.from,
      recipient: mail.to,
      subject: mail.subject.slice(0, 500),
      text: mail.text,
      html: mail.html,
      receivedAt: this.clock.now(),
    });
    await this.transactions.run((manager) => this.messages.add(manager, message));
  }

  async close(): Promise<void> {}
}
