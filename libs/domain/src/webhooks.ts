/**
 * Webhooks for integrations: an administrator registers an address and the events it wants;
 * each event is delivered once, signed as the Standard Webhooks specification says, and carries
 * ids and names, never a secret. Shared by the api and the admin UI.
 */

export const WebhookEvent = {
  PasswordResetSent: 'password_reset.sent',
  PasswordResetCompleted: 'password_reset.completed',
  PasswordTemporarySet: 'password.temporary_set',
  RescueCodeRedeemed: 'rescue_code.redeemed',
  UserLocked: 'user.locked',
  SecondFactorRemoved: 'second_factor.removed',
  ApprovalRequested: 'approval.requested',
  ApprovalDecided: 'approval.decided',
} as const;
export type WebhookEvent = (typeof WebhookEvent)[keyof typeof WebhookEvent];

export const ALL_WEBHOOK_EVENTS: readonly WebhookEvent[] = Object.values(WebhookEvent);

/** GET /api/webhooks */
export interface WebhookResponse {
  id: number;
  url: string;
  events: WebhookEvent[];
  createdBy: { id: number; name: string };
  createdAt: string;
}

/** POST /api/webhooks → 201: the signing secret (`whsec_…`), shown this once. */
export interface CreatedWebhook {
  id: number;
  secret: string;
}

export const WebhookDeliveryStatus = {
  Pending: 'pending',
  Delivered: 'delivered',
  /** Given up after every retry; "send again" queues it once more. */
  Failed: 'failed',
} as const;
export type WebhookDeliveryStatus = (typeof WebhookDeliveryStatus)[keyof typeof WebhookDeliveryStatus];

/** GET /api/webhooks/:id/deliveries: each event, its attempts and the receiver's answers. */
export interface WebhookDeliveryResponse {
  id: number;
  webhookId: number;
  event: WebhookEvent;
  /** The `webhook-id` header: the same on every attempt, so a receiver can drop a repeat. */
  messageId: string;
  status: WebhookDeliveryStatus;
  payload: WebhookPayload;
  attempts: Array<{ at: string; status: number | null; error: string | null; durationMs: number }>;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** The body of every delivery. */
export interface WebhookPayload {
  type: WebhookEvent;
  timestamp: string;
  data: Record<string, string | number | boolean | null>;
}
