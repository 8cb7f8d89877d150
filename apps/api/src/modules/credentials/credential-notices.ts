import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { CredentialKind, CredentialWay, FactorChange, Locale, REPORT_LINK_SECONDS } from '@keydesk/domain';

import { formatWhen } from '../../common/i18n/format-when';
import { translate } from '../../common/i18n/translate';
import { AppConfig } from '../../config/app.config';
import { ClientEntity } from '../clients/client.entity';
import { MailOutbox } from '../emails/mail-outbox';
import { hashResetToken, newResetToken } from '../password-resets/reset-token';
import { StaffEntity } from '../staff/staff.entity';
import { UserEntity } from '../users/user.entity';
import { displayNameOf } from '../users/user-names';
import { CredentialsRepository } from './credentials.repository';

/** A change of a user's credential, as its notices tell it. */
export interface UserNotice {
  user: UserEntity;
  client: ClientEntity | null;
  kind: CredentialKind;
  way: CredentialWay;
  /** The agent's display name when staff made the change. */
  agentName: string | null;
  /** Set by an email change: the old address is told too, never the new one alone. */
  emails?: { from: string; to: string };
  at: Date;
  /** The audit entry of the change: a report points at it. */
  entryId: string;
}

/**
 * The mails that tell people their credentials changed. A customer's notice names what changed,
 * when and which way, never a secret, and carries a single-use "This wasn't me" link (its own
 * per recipient; the token is a mail secret, so the Emails tab shows it redacted).
 */
@Injectable()
export class CredentialNotices {
  constructor(
    private readonly repository: CredentialsRepository,
    private readonly outbox: MailOutbox,
    private readonly config: AppConfig,
  ) {}

  /** Who a change of this kind tells: the user's address, and the old one when it is an email change. */
  static recipientsOf(notice: Pick<UserNotice, 'user' | 'emails'>): string[] {
    return notice.emails ? [notice.emails.from, notice.emails.to] : [notice.user.email];
  }

  /** Queues the notices in the change's transaction; answers their mail ids. */
  async tellUser(manager: EntityManager, notice: UserNotice): Promise<number[]> {
    const locale: Locale = notice.client?.language ?? 'es';
    const ids: number[] = [];
    for (const to of CredentialNotices.recipientsOf(notice)) {
      const mail = await this.outbox.enqueue(manager, {
        clientId: notice.client?.id ?? null,
        userId: notice.user.id,
        to,
        locale,
        template: 'account-change',
        data: {
          displayName: displayNameOf(notice.user),
          companyName: notice.client?.companyName ?? '',
          changedAt: formatWhen(notice.at, locale),
          how: howText(locale, notice.way, notice.agentName),
          isEmail: notice.kind === CredentialKind.Email,
          oldEmail: notice.emails?.from ?? '',
          newEmail: notice.emails?.to ?? '',
          toOldAddress: notice.emails?.from === to,
          reportDays: REPORT_LINK_SECONDS / 86_400,
          loginUrl: this.url('account/login'),
        },
        secrets: { reportUrl: await this.reportUrl(manager, notice) },
      });
      ids.push(mail.id);
    }
    return ids;
  }

  /**
   * A change of a customer's second factors, told to the user's address and to the client's
   * security addresses (`recipients`), each with its own "This wasn't me" link.
   */
  async tellFactorChange(
    manager: EntityManager,
    notice: UserNotice & {
      change: FactorChange;
      recipients: Array<{ email: string; displayName: string }>;
      sessionsEnded: boolean;
    },
  ): Promise<number[]> {
    const locale: Locale = notice.client?.language ?? 'es';
    const userName = displayNameOf(notice.user);
    const how =
      notice.way === CredentialWay.Customer
        ? translate(locale, 'credentials.way.self', { name: userName })
        : howText(locale, notice.way, notice.agentName);
    const ids: number[] = [];
    for (const recipient of notice.recipients) {
      const mail = await this.outbox.enqueue(manager, {
        clientId: notice.client?.id ?? null,
        userId: notice.user.id,
        to: recipient.email,
        locale,
        template: 'account-security-change',
        data: {
          displayName: recipient.displayName,
          userName,
          companyName: notice.client?.companyName ?? '',
          changedAt: formatWhen(notice.at, locale),
          what: translate(locale, `credentials.userFactor.${notice.change}`),
          how,
          sessionsEnded: notice.sessionsEnded,
          reportDays: REPORT_LINK_SECONDS / 86_400,
          loginUrl: this.url('account/login'),
        },
        secrets: { reportUrl: await this.reportUrl(manager, notice) },
      });
      ids.push(mail.id);
    }
    return ids;
  }

  /** A single-use "This wasn't me" link for one recipient of a notice; only its hash is kept. */
  private async reportUrl(manager: EntityManager, notice: UserNotice): Promise<string> {
    const token = newResetToken();
    await this.repository.insertReport(manager, {
      userId: notice.user.id,
      clientId: notice.client?.id ?? null,
      tokenHash: hashResetToken(token),
      changeKind: notice.kind,
      changeWay: notice.way,
      changedBy: notice.agentName,
      changeEntryId: notice.entryId,
      changedAt: notice.at,
      expiresAt: notice.at.getTime() + REPORT_LINK_SECONDS * 1000,
      usedAt: null,
    });
    return this.url(`account/report/${token}`);
  }

  /**
   * A staff member's notice, in their language: `staff-password-changed` (with `how`: who set it)
   * or `staff-security-changed` (with `what`: which factor changed). No secret in either.
   */
  async tellStaff(
    manager: EntityManager,
    staff: StaffEntity,
    notice: { template: 'staff-password-changed'; how: string } | { template: 'staff-security-changed'; what: string },
    locale: Locale,
    at: Date,
  ): Promise<number> {
    const { template, ...said } = notice;
    const mail = await this.outbox.enqueue(manager, {
      to: staff.email,
      locale,
      template,
      data: { displayName: staff.displayName, changedAt: formatWhen(at, locale), ...said, supportUrl: this.url('') },
    });
    return mail.id;
  }

  private url(path: string): string {
    return new URL(path, this.config.server.publicUrl).toString();
  }
}

/** "an agent, Ana López", "the reset link we sent you"... in the notice's language. */
export function howText(locale: Locale, way: CredentialWay, agentName: string | null): string {
  return translate(locale, `credentials.way.${way}`, { name: agentName ?? '' });
}
