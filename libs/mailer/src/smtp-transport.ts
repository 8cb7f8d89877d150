import nodemailer, { type Transporter } from 'nodemailer';

import type { MailTransport, OutgoingMail } from './mail-transport';

export interface SmtpTransportOptions {
  /** smtp://host:port or smtps://user:pass@host:465; smtp:// upgrades with STARTTLS when offered. */
  url: string;
  /** The From header, e.g. `Keydesk <no-reply@example.com>`. */
  from: string;
}

/**
 * Delivery through an SMTP server with nodemailer. The timeouts are short on purpose: a worker holds
 * a claim on the mail while it waits, and a silent server should turn into a retry, not a stall.
 */
export class SmtpTransport implements MailTransport {
  readonly description: string;
  private readonly transporter: Transporter;

  constructor(private readonly options: SmtpTransportOptions) {
    const url = new URL(options.url);
    this.description = `SMTP ${url.protocol}//${url.host}`;
    this.transporter = nodemailer.createTransport({
      url: options.url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      dnsTimeout: 10_000,
      logger: false,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail({
      from: this.options.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${mail.messageId}>`,
    });
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
