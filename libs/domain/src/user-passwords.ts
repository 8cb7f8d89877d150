/**
 * "Change password" on the Manage user page (step 5 of the WHMCS procedure, second way): the agent
 * sets a temporary password and shares it through the client's ticket.
 */

/** How the ticket reply (and its mail) carries the temporary password. */
export const PasswordDelivery = {
  /** A view-once link: the password shows only after the customer presses "Reveal". The default. */
  Link: 'link',
  /** The password itself, in the mail of the reply (never in the ticket as stored). */
  Inline: 'inline',
} as const;
export type PasswordDelivery = (typeof PasswordDelivery)[keyof typeof PasswordDelivery];
export const PASSWORD_DELIVERIES: readonly PasswordDelivery[] = Object.values(PasswordDelivery);

/** Body of POST /api/users/:id/password. Exactly one of password/generate and one of ticketId/newTicketSubject. */
export interface SetUserPasswordRequest {
  password?: string;
  generate?: boolean;
  ticketId?: number;
  newTicketSubject?: string;
  delivery?: PasswordDelivery;
  clientId?: number;
  reason?: string;
  /** An approved request for this action (a typed password without a verified caller, or past the limits). */
  approvalId?: number;
}

/** What the agent learns: where the password went. Never the password, even a generated one. */
export interface SetUserPasswordResponse {
  userId: number;
  clientId: number;
  ticketId: number;
  /** True when this action opened the ticket (newTicketSubject). */
  ticketCreated: boolean;
  ticketMessageId: number;
  emailId: number;
  delivery: PasswordDelivery;
  generated: boolean;
  /** When the temporary password (and a view-once link) stop working. */
  expiresAt: string;
}
