import { ErrorCode } from '@keydesk/domain';

/**
 * Every refusal a service makes. The code is stable and picks the HTTP status and the message in
 * the caller's language (see error-status.ts and i18n/); params fill the message's placeholders.
 * Never put a secret in params: they reach the response.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    /** Per-field message keys (with their params), shown next to the inputs. */
    readonly fieldErrors?: Record<string, { key: string; params?: Record<string, string | number> }>,
    /** Seconds a client should wait (429 / 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
  }
}
