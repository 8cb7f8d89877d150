import { EmailDetailResponse, EmailResponse, MailStatus } from '@keydesk/domain';
import type { RenderedMail } from '@keydesk/mailer';

import { MailOutboxEntity } from './mail-outbox.entity';

/** Never the sealed secrets nor the variables: only what the Emails tab shows. */
export function toEmailResponse(mail: MailOutboxEntity): EmailResponse {
  const waiting = mail.status === MailStatus.Queued || mail.status === MailStatus.Retrying;
  return {
    id: mail.id,
    clientId: mail.clientId,
    userId: mail.userId,
    ticketId: mail.ticketId,
    to: mail.recipient,
    template: mail.template,
    subject: mail.subject,
    status: mail.status,
    attempts: mail.attempts,
    lastError: mail.status === MailStatus.Sent ? null : mail.lastError,
    nextAttemptAt: waiting ? new Date(mail.nextAttemptAt).toISOString() : null,
    createdAt: mail.createdAt.toISOString(),
    sentAt: mail.sentAt?.toISOString() ?? null,
    hasSecret: mail.hasSecret,
  };
}

/** `redacted` is the stored mail rendered with every secret as "[redacted]". */
export function toEmailDetailResponse(mail: MailOutboxEntity, redacted: RenderedMail): EmailDetailResponse {
  return { ...toEmailResponse(mail), text: redacted.text, html: redacted.html };
}
