import { Injectable, OnModuleInit } from '@nestjs/common';

import { MailLocale, redactedVariables, RenderedMail, TEMPLATES_DIR, TemplateRenderer } from '@keydesk/mailer';

import { MailOutboxEntity } from './mail-outbox.entity';

/** The layout's words, in the recipient's language. */
const FOOTERS: Record<MailLocale, string> = {
  es: 'Este es un mensaje automático de Keydesk. Por favor, no respondas a este correo.',
  en: 'This is an automatic message from Keydesk. Please do not reply to this email.',
};

export interface MailToRender {
  template: string;
  locale: MailLocale;
  data: Readonly<Record<string, unknown>>;
}

/** The shipped templates with Keydesk's layout words; a missing translation stops the start. */
@Injectable()
export class MailRenderer implements OnModuleInit {
  private readonly templates = new TemplateRenderer(TEMPLATES_DIR);

  onModuleInit(): void {
    this.templates.checkComplete();
  }

  /** For delivery: the secrets in place. */
  render(mail: MailToRender, secrets: Readonly<Record<string, string>>): RenderedMail {
    return this.templates.render(mail.template, mail.locale, {
      productName: 'Keydesk',
      footer: FOOTERS[mail.locale],
      ...mail.data,
      ...secrets,
    });
  }

  /** For people and logs: every secret as "[redacted]", whether or not it was wiped yet. */
  renderRedacted(mail: MailToRender, secretNames: readonly string[]): RenderedMail {
    return this.render(mail, redactedVariables(secretNames));
  }

  /** A stored mail, redacted. */
  renderStored(row: MailOutboxEntity): RenderedMail {
    const data = JSON.parse(row.data) as Record<string, unknown>;
    return this.renderRedacted({ template: row.template, locale: row.locale, data }, row.secretNameList());
  }
}
