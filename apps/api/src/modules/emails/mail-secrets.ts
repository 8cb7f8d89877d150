import { hkdfSync } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { SecretBox } from '@keydesk/mailer';

import { AppConfig } from '../../config/app.config';

/** What a mail's sealed secrets are bound to: copied onto another recipient, they no longer open. */
export interface SealedFor {
  template: string;
  recipient: string;
}

/** Seals a mail's secret variables for the outbox with MAIL_ENCRYPTION_KEY, and opens them to deliver. */
@Injectable()
export class MailSecrets {
  private readonly box: SecretBox;

  constructor(config: AppConfig) {
    // A key of its own for this one use, of the size AES-256 needs whatever length was configured.
    const key = hkdfSync(
      'sha256',
      config.secrets.mailEncryptionKey,
      Buffer.alloc(0),
      'keydesk/mail-outbox/secrets/v1',
      32,
    );
    this.box = new SecretBox(Buffer.from(key));
  }

  seal(secrets: Readonly<Record<string, string>>, mail: SealedFor): string {
    return this.box.seal(JSON.stringify(secrets), contextOf(mail));
  }

  open(sealed: string, mail: SealedFor): Record<string, string> {
    return JSON.parse(this.box.open(sealed, contextOf(mail))) as Record<string, string>;
  }
}

function contextOf(mail: SealedFor): string {
  return JSON.stringify(['mail_outbox', mail.template, mail.recipient.toLowerCase()]);
}
