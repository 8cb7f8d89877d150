import { createHmac, hkdfSync, randomBytes } from 'node:crypto';

import { SecretBox } from '@keydesk/mailer';

/** `whsec_` and 24 random bytes in base64, as Standard Webhooks' libraries take a secret. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** `msg_` and 16 random bytes: the `webhook-id` a receiver may use to drop a repeat. */
export function newMessageId(): string {
  return `msg_${randomBytes(16).toString('base64url')}`;
}

/**
 * The Standard Webhooks signature: HMAC-SHA256 under the secret's bytes (base64 after `whsec_`)
 * of `<webhook-id>.<webhook-timestamp>.<body>`, as `v1,<base64>`.
 */
export function webhookSignature(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const mac = createHmac('sha256', key).update(`${messageId}.${timestampSeconds}.${body}`, 'utf8').digest('base64');
  return `v1,${mac}`;
}

/** Secrets are sealed under a key derived from MAIL_ENCRYPTION_KEY for this use, bound to their webhook. */
export function webhookSecretBox(mailEncryptionKey: Buffer): SecretBox {
  return new SecretBox(Buffer.from(hkdfSync('sha256', mailEncryptionKey, Buffer.alloc(0), 'keydesk/webhooks/v1', 32)));
}

export const webhookSecretContext = (webhookId: number) => `webhook:${webhookId}`;
