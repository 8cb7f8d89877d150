import { randomBytes } from 'node:crypto';

import type request from 'supertest';
import { IsNull, MoreThan } from 'typeorm';

import { type ActivityAction, generatePassword } from '@keydesk/domain';

import { AuditEntryEntity } from '../../apps/api/src/modules/audit/audit-entry.entity';
import { PasswordHasher } from '../../apps/api/src/modules/auth/password-hasher';
import { MailOutboxEntity } from '../../apps/api/src/modules/emails/mail-outbox.entity';
import { MailWorker } from '../../apps/api/src/modules/emails/mail-worker';
import { PasswordResetTokenEntity } from '../../apps/api/src/modules/password-resets/password-reset-token.entity';
import { RescueCodeEntity } from '../../apps/api/src/modules/rescue-codes/rescue-code.entity';
import { PasswordRevealEntity } from '../../apps/api/src/modules/user-passwords/password-reveal.entity';
import { UserSessionEntity } from '../../apps/api/src/modules/user-sessions/user-session.entity';
import { UserEntity } from '../../apps/api/src/modules/users/user.entity';
import { createClient } from '../factories/client.factory';
import { addClientUser } from '../factories/user.factory';
import { verifyCaller } from './assurance';
import { signIn } from './sign-in';
import { SmtpSink } from './smtp-sink';
import { startTestApp, TestApp } from './test-app';
import { DatabaseKind } from './test-database';

export interface Customer {
  client: { id: number; clientKey: string };
  user: { id: number; email: string; username: string };
  password: string;
}

export const RESET_LINK = /\/account\/password\/reset\/([A-Za-z0-9_-]{43})/;
export const REPORT_LINK = /\/account\/report\/([A-Za-z0-9_-]{43})/;
export const RESCUE_CODE = /\b([0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5})\b/;
export const tokenIn = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)![1];

let ipSequence = 0;
/** A fresh documentation address per call, so throttle counters by name and IP start empty. */
export const newIp = () => `203.0.113.${(ipSequence += 1) % 250}`;

/**
 * Customers of one test app and what hangs off their credentials (client-area sessions, reset
 * links, view-once links, rescue codes), made through the app where that is the point and
 * straight in the database where only their existence matters; and the mail the SMTP sink got.
 */
export class CustomerWorld {
  private constructor(
    readonly t: TestApp,
    readonly sink: SmtpSink,
    /** The root administrator, signed in: the agent of the tests. */
    readonly admin: request.Agent,
    public csrf: string,
  ) {}

  /** A test app with a real SMTP sink (delivered by hand), and its administrator signed in. */
  static async start(kind: DatabaseKind, env: Record<string, string> = {}): Promise<CustomerWorld> {
    const sink = await SmtpSink.start();
    const t = await startTestApp(kind, { SMTP_URL: sink.url, MAIL_WORKER_INTERVAL_MS: '0', ...env });
    const admin = t.http();
    return new CustomerWorld(t, sink, admin, await signIn(admin, t.admin.username, t.admin.password));
  }

  /** A new sign-in of the administrator (a session does not outlast a day of the test's clock). */
  async signInAgain(): Promise<string> {
    this.csrf = await signIn(this.admin, this.t.admin.username, this.t.admin.password);
    return this.csrf;
  }

  async close(): Promise<void> {
    await this.t.close();
    await this.sink.stop();
  }

  private agent(): { agent: request.Agent; csrf: string } {
    return { agent: this.admin, csrf: this.csrf };
  }

  async customer(language: 'es' | 'en' = 'es'): Promise<Customer> {
    const { agent, csrf } = this.agent();
    const client = await createClient(agent, csrf, { language });
    const user = await addClientUser(agent, csrf, client.id, { firstName: 'Rosa', lastName: 'Méndez' });
    const password = generatePassword(randomBytes);
    await this.t.dataSource.getRepository(UserEntity).update(
      { id: user.id },
      {
        passwordHash: await this.t.app.get(PasswordHasher).hash(password),
        mustChangePassword: false,
        passwordExpiresAt: null,
      },
    );
    return { client, user: { id: user.id, email: user.email, username: user.username }, password };
  }

  /** A browser signed in to the client area by email. */
  async signIn(c: Pick<Customer, 'user' | 'password'>): Promise<request.Agent> {
    const browser = this.t.http();
    const ip = newIp();
    const page = await browser.get('/account/login').set('X-Forwarded-For', ip).expect(200);
    const response = await browser
      .post('/account/login')
      .set('X-Forwarded-For', ip)
      .type('form')
      .send({ formToken: tokenIn(page.text, 'formToken'), method: 'email', email: c.user.email, password: c.password });
    if (response.status !== 303) throw new Error(`client-area sign-in failed: ${response.status}`);
    return browser;
  }

  /** The administrator verifies the caller who says they are this user (a code to their address, read back). */
  async verifyCaller(userId: number): Promise<void> {
    await verifyCaller(this.t, this.admin, this.csrf, userId);
  }

  /** A reset link sent by the agent, as its token. */
  async resetLink(c: Customer): Promise<string> {
    const { agent, csrf } = this.agent();
    await agent.post(`/api/users/${c.user.id}/password-reset-email`).set('X-CSRF-Token', csrf).send({}).expect(202);
    return this.lastMatch(c.user.email, RESET_LINK);
  }

  /** A view-once link and a rescue code that still work: rows are enough to see whether a change voids them. */
  async liveRevealAndCode(c: Customer): Promise<void> {
    const now = this.t.clock.now();
    const expiresAt = now.getTime() + 3_600_000;
    await this.t.dataSource.getRepository(PasswordRevealEntity).insert({
      userId: c.user.id,
      clientId: c.client.id,
      ticketId: null,
      emailId: null,
      tokenHash: randomBytes(32).toString('hex'),
      sealedPassword: 'sealed',
      expiresAt,
      revealedAt: null,
      voidedAt: null,
      createdAt: now,
    });
    await this.t.dataSource.getRepository(RescueCodeEntity).insert({
      userId: c.user.id,
      clientId: c.client.id,
      codeHash: randomBytes(32).toString('hex'),
      recipients: 1,
      failedAttempts: 0,
      expiresAt,
      usedAt: null,
      voidedAt: null,
      voidReason: null,
      outcome: null,
      requestedIp: null,
      redeemedIp: null,
      createdAt: now,
    });
  }

  /** What still works for the user: sessions, reset links, view-once links, rescue codes. */
  async live(userId: number): Promise<{ sessions: number; resets: number; reveals: number; codes: number }> {
    const db = this.t.dataSource;
    const unexpired = MoreThan(this.t.clock.nowMs());
    return {
      sessions: await db.getRepository(UserSessionEntity).countBy({ userId }),
      resets: await db
        .getRepository(PasswordResetTokenEntity)
        .countBy({ userId, usedAt: IsNull(), voidedAt: IsNull(), expiresAt: unexpired }),
      reveals: await db
        .getRepository(PasswordRevealEntity)
        .countBy({ userId, revealedAt: IsNull(), voidedAt: IsNull(), expiresAt: unexpired }),
      codes: await db
        .getRepository(RescueCodeEntity)
        .countBy({ userId, usedAt: IsNull(), voidedAt: IsNull(), expiresAt: unexpired }),
    };
  }

  /** The newest audit entry of `action` about a user or staff member. */
  async entry(
    action: ActivityAction,
    subjectId: number,
  ): Promise<AuditEntryEntity & { parsed: Record<string, unknown> }> {
    const entry = await this.t.dataSource.getRepository(AuditEntryEntity).findOneOrFail({
      where: { action, subjectId: String(subjectId) },
      order: { seq: 'DESC' },
    });
    return Object.assign(entry, { parsed: JSON.parse(entry.details) as Record<string, unknown> });
  }

  /** Queued mails of a template since `afterId`. */
  outbox(template: string, afterId = 0): Promise<MailOutboxEntity[]> {
    return this.t.dataSource
      .getRepository(MailOutboxEntity)
      .find({ where: { template, id: MoreThan(afterId) }, order: { id: 'ASC' } });
  }

  async lastOutboxId(): Promise<number> {
    return (
      (await this.t.dataSource.getRepository(MailOutboxEntity).find({ order: { id: 'DESC' }, take: 1 }))[0]?.id ?? 0
    );
  }

  async deliver(): Promise<void> {
    while ((await this.t.app.get(MailWorker).runOnce()) > 0);
  }

  /** The first group of `pattern` in the newest delivered mail to `to` that has it. */
  async lastMatch(to: string, pattern: RegExp): Promise<string> {
    await this.deliver();
    const mail = this.sink
      .to(to)
      .filter((m) => pattern.test(m.text))
      .at(-1);
    if (!mail) throw new Error(`no mail to ${to} matches ${pattern}`);
    return pattern.exec(mail.text)![1];
  }
}
