import { ConfigErrors, Env, readInteger } from './config-errors';
import { redactPassword } from './database.config';

export interface MailConfig {
  /** SMTP_URL: where mail goes; unset, it stays in the development mailbox at /dev/mailbox. */
  smtpUrl: string | null;
  /** The From header of every mail. */
  from: string;
  /** How often this process looks for mail to deliver; 0: never, another process delivers it. */
  workerIntervalMs: number;
}

const DEFAULT_FROM = 'Keydesk <no-reply@localhost>';
// "Name <address>" or a bare address; a line break would let a value write further headers.
const FROM = /^(?:[^<>\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/;

/**
 * Mail delivery. In production SMTP_URL is required: the development mailbox keeps every message,
 * secrets included, and does not exist there.
 */
export function readMailConfig(env: Env, errors: ConfigErrors, production: boolean): MailConfig {
  return {
    smtpUrl: readSmtpUrl(env, errors, production),
    from: readFrom(env, errors),
    workerIntervalMs: readInteger(env, errors, 'MAIL_WORKER_INTERVAL_MS', 2000, 0, 3_600_000),
  };
}

function readSmtpUrl(env: Env, errors: ConfigErrors, production: boolean): string | null {
  const raw = env.SMTP_URL?.trim();
  if (!raw) {
    if (production) errors.add('SMTP_URL', 'is required when NODE_ENV=production, e.g. smtp://mail.example.com:587');
    return null;
  }
  try {
    const url = new URL(raw);
    if (['smtp:', 'smtps:'].includes(url.protocol) && url.hostname) return raw;
  } catch {
    // Reported below, like a URL of the wrong kind.
  }
  errors.add('SMTP_URL', 'must be an smtp:// or smtps:// URL such as smtp://127.0.0.1:2525', redactPassword(raw));
  return null;
}

function readFrom(env: Env, errors: ConfigErrors): string {
  const raw = env.MAIL_FROM?.trim();
  if (!raw) return DEFAULT_FROM;
  if (!FROM.test(raw)) {
    errors.add('MAIL_FROM', 'must be an address or "Name <address>", e.g. Soporte <soporte@example.com>', raw);
    return DEFAULT_FROM;
  }
  return raw;
}
