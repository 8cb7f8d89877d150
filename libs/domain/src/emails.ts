/** The mail Keydesk sends: its delivery states and how staff see it (never with a secret). */

/** Values are stored: never change one once released. */
export const MailStatus = {
  /** Waiting for its first attempt. */
  Queued: 'queued',
  Sent: 'sent',
  /** An attempt failed; another follows with exponential backoff. */
  Retrying: 'retrying',
  /** Every attempt failed; Keydesk gave up. */
  Failed: 'failed',
} as const;
export type MailStatus = (typeof MailStatus)[keyof typeof MailStatus];

/** A row of a client's Emails tab. */
export interface EmailResponse {
  id: number;
  clientId: number | null;
  userId: number | null;
  ticketId: number | null;
  to: string;
  /** The message's name, e.g. `ticket-reply`. */
  template: string;
  /** As sent, with any secret in it shown as "[redacted]". */
  subject: string;
  status: MailStatus;
  attempts: number;
  /** Why the latest attempt failed; null once sent. */
  lastError: string | null;
  /** When the next attempt is due, while the mail is queued or retrying. */
  nextAttemptAt: string | null;
  createdAt: string;
  sentAt: string | null;
  /** It carried a link, password or code: such a mail is never resent. */
  hasSecret: boolean;
}

/** One mail with its body, every secret shown as "[redacted]". */
export interface EmailDetailResponse extends EmailResponse {
  text: string;
  html: string;
}
