/** Reset links sent by "Send password reset email": their states and how staff see them (never the token). */

/** Derived from the link's times, not stored: `sent` is a link that still works. */
export const PasswordResetState = {
  Sent: 'sent',
  Used: 'used',
  Expired: 'expired',
  /** A newer link was sent, or the password changed. */
  Voided: 'voided',
} as const;
export type PasswordResetState = (typeof PasswordResetState)[keyof typeof PasswordResetState];

/** The reasons the agent picks from in the confirmation dialog; free text is accepted too. */
export const PASSWORD_RESET_REASONS = ['forgot', 'locked_out', 'security_precaution'] as const;
export const PASSWORD_RESET_REASON_MAX_LENGTH = 200;

/** A row of the Manage user page's reset links. */
export interface PasswordResetResponse {
  id: number;
  userId: number;
  clientId: number;
  ticketId: number | null;
  /** The public reply posted on the ticket, when one was named. */
  ticketMessageId: number | null;
  emailId: number | null;
  state: PasswordResetState;
  reason: string | null;
  sentBy: { id: number | null; name: string };
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  voidedAt: string | null;
}
