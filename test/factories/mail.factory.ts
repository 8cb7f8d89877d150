import { randomBytes } from 'node:crypto';

import type { EntityManager } from 'typeorm';

import { TransactionRunner } from '../../apps/api/src/database/transaction-runner';
import { MailOutbox, MailRequest } from '../../apps/api/src/modules/emails/mail-outbox';
import { MailOutboxEntity } from '../../apps/api/src/modules/emails/mail-outbox.entity';
import { TestApp } from '../support/test-app';

/** A reset link with a fresh token: a secret the tests then look for everywhere it must not be. */
export function secretResetUrl(): string {
  return `https://support.example.test/account/password/reset/${randomBytes(24).toString('base64url')}`;
}

/**
 * Queues a password-reset-link mail straight through MailOutbox, as the password actions do, in a
 * transaction of its own; the link is a secret.
 */
export async function enqueueResetMail(
  t: TestApp,
  to: string,
  resetUrl: string,
  fields: Partial<MailRequest> = {},
): Promise<MailOutboxEntity> {
  return t.app.get(TransactionRunner).run((manager) =>
    t.app.get(MailOutbox).enqueue(manager, {
      to,
      locale: 'es',
      template: 'password-reset-link',
      data: { displayName: 'Ana López', companyName: 'Papelería El Lápiz', validMinutes: 60 },
      secrets: { resetUrl },
      ...fields,
    }),
  );
}

/** The outbox row as stored, secrets column included. */
export async function outboxRow(t: TestApp, id: number): Promise<MailOutboxEntity> {
  return t.dataSource.getRepository(MailOutboxEntity).findOneByOrFail({ id });
}

/** A ticket-reply mail (no secret) queued in `manager`'s transaction, as a public reply does. */
export function queueReplyMail(t: TestApp, manager: EntityManager, to: string, n = 0): Promise<MailOutboxEntity> {
  return t.app.get(MailOutbox).enqueue(manager, {
    to,
    locale: 'es',
    template: 'ticket-reply',
    data: {
      displayName: 'Ana López',
      companyName: 'Papelería El Lápiz',
      ticketId: 1000 + n,
      ticketSubject: `Prueba ${n}`,
      authorName: 'Paola',
      replyBody: `Mensaje ${n}`,
      accountUrl: 'http://localhost:3000/account/login',
    },
  });
}
