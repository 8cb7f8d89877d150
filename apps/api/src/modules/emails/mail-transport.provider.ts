import type { Provider } from '@nestjs/common';

import { SmtpTransport, type MailTransport } from '@keydesk/mailer';

import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { TransactionRunner } from '../../database/transaction-runner';
import { DevMailboxRepository } from './dev-mailbox.repository';
import { DevMailboxTransport } from './dev-mailbox.transport';

export const MAIL_TRANSPORT = Symbol('MailTransport');

/** SMTP when SMTP_URL is set (always in production); otherwise the development mailbox. */
export const mailTransportProvider: Provider<MailTransport> = {
  provide: MAIL_TRANSPORT,
  inject: [AppConfig, DevMailboxRepository, TransactionRunner, Clock],
  useFactory: (config: AppConfig, messages: DevMailboxRepository, transactions: TransactionRunner, clock: Clock) =>
    config.mail.smtpUrl
      ? new SmtpTransport({ url: config.mail.smtpUrl, from: config.mail.from })
      : new DevMailboxTransport(config.mail.from, messages, transactions, clock),
};
