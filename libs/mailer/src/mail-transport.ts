/** One rendered mail, ready to leave: every secret already in place, every header single-line. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * The Message-ID, without angle brackets. Stable per queued mail, so that if a crash ever makes
   * it leave twice, mail clients that deduplicate by Message-ID show it once.
   */
  messageId: string;
}

/**
 * Where mail goes: an SMTP server in production, a development mailbox on a newcomer's machine.
 * `send` resolves once the mail was accepted and rejects otherwise; the outbox retries.
 */
export interface MailTransport {
  /** For logs and the start-up line, never with credentials. */
  readonly description: string;
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}
