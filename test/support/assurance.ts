import type request from 'supertest';

import type { CallerVerificationState } from '@keydesk/domain';

import { DevMailboxMessageEntity } from '../../apps/api/src/modules/emails/dev-mailbox-message.entity';
import { MailOutboxEntity } from '../../apps/api/src/modules/emails/mail-outbox.entity';
import { MailSecrets } from '../../apps/api/src/modules/emails/mail-secrets';
import { TestApp } from './test-app';

/**
 * The code of the newest caller-verification mail to the user, as the caller would read it: from
 * the queued mail's sealed secrets (opened with the app's key) while it waits, or from the dev
 * mailbox once the worker delivered it there.
 */
export async function callerCodeOf(t: TestApp, userId: number): Promise<string> {
  const mail = await t.dataSource.getRepository(MailOutboxEntity).findOneOrFail({
    where: { template: 'caller-verification', userId },
    order: { id: 'DESC' },
  });
  if (mail.secrets) return t.app.get(MailSecrets).open(mail.secrets, mail).code;
  const delivered = await t.dataSource
    .getRepository(DevMailboxMessageEntity)
    .findOneOrFail({ where: { recipient: mail.recipient }, order: { id: 'DESC' } });
  return /\b(\d{6})\b/.exec(delivered.text)![1];
}

/** Sends a code to the user's first address on file and confirms it: the agent's caller is verified. */
export async function verifyCaller(
  t: TestApp,
  agent: request.Agent,
  csrf: string,
  userId: number,
  ticketId?: number,
): Promise<{ verifiedUntil: string }> {
  const state = await agent.get(`/api/users/${userId}/verification`).expect(200);
  const { addresses } = state.body as CallerVerificationState;
  const started = await agent
    .post(`/api/users/${userId}/verifications`)
    .set('X-CSRF-Token', csrf)
    .send({ address: addresses[0].address, ...(ticketId ? { ticketId } : {}) })
    .expect(201);
  const code = await callerCodeOf(t, userId);
  const confirmed = await agent
    .post(`/api/users/${userId}/verifications/${started.body.id}/confirm`)
    .set('X-CSRF-Token', csrf)
    .send({ code })
    .expect(200);
  return confirmed.body as { verifiedUntil: string };
}

/** An approval of one action, asked by `requester` and approved by `decider` (who holds approvals.decide): its id. */
export async function approvedRequest(
  requester: { agent: request.Agent; csrf: string },
  decider: { agent: request.Agent; csrf: string },
  request: { action: string; userId?: number; staffId?: number; reason?: string; ticketId?: number },
): Promise<number> {
  const asked = await requester.agent
    .post('/api/approvals')
    .set('X-CSRF-Token', requester.csrf)
    .send({ reason: 'The caller cannot be verified', ...request })
    .expect(201);
  await decider.agent
    .post(`/api/approvals/${asked.body.id}/decision`)
    .set('X-CSRF-Token', decider.csrf)
    .send({ decision: 'approve', comment: 'Checked with the account owner' })
    .expect(200);
  return asked.body.id as number;
}
