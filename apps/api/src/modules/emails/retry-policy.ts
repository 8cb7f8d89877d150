/** Attempts before a mail is given up on: with the backoff below, about 64 minutes of trying. */
export const MAX_ATTEMPTS = 8;

const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

/**
 * How long to wait after the `attempts`-th failed attempt: 30 s, doubling each time, at most an
 * hour, so a mail server that is down for a while is not hammered and mail still leaves soon after
 * it is back.
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_DELAY_MS * 2 ** Math.max(attempts - 1, 0), MAX_DELAY_MS);
}

/**
 * How long a worker holds a claimed mail. Longer than the SMTP transport's timeouts over a whole
 * batch, so that a claim only expires when its worker died; then another worker takes the mail.
 */
export const CLAIM_MS = 10 * 60_000;

/** Mails claimed at a time. */
export const BATCH_SIZE = 10;
