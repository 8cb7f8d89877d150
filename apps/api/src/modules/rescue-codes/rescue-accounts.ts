import { Injectable } from '@nestjs/common';

import { ClientStatus, emailHoldUntil, normalizeRfc, UserStatus } from '@keydesk/domain';

import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';

import { ClientSummaryRepository } from '../clients/client-summary.repository';
import { ClientEntity } from '../clients/client.entity';
import { ClientUserRepository } from '../users/client-user.repository';
import { UserEntity } from '../users/user.entity';
import { displayNameOf } from '../users/user-names';

/** A client key and user name as typed, in the form every lookup and counter uses. */
export interface RescueName {
  clientKey: string;
  username: string;
}

/** An active user of an active client, found by client key and user name. */
export interface RescueAccount {
  client: ClientEntity;
  user: UserEntity;
  username: string;
}

/** One address a rescue mail goes to, with the name it greets. */
export interface RescueRecipient {
  email: string;
  displayName: string;
}

/** Who a rescue code is for, and where it goes: the rules of the XPD procedure's addresses. */
@Injectable()
export class RescueAccounts {
  constructor(
    private readonly memberships: ClientUserRepository,
    private readonly summaries: ClientSummaryRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  static nameOf(clientKey: unknown, username: unknown): RescueName {
    return {
      clientKey: normalizeRfc(typeof clientKey === 'string' ? clientKey.slice(0, 20) : ''),
      username: typeof username === 'string' ? username.slice(0, 64).trim().toLowerCase() : '',
    };
  }

  /**
   * Null unless the association exists, both the user and the client are active, and the user is
   * not locked: a locked account answers as an unknown one, whoever asks may be who it is locked against.
   */
  async find(name: RescueName): Promise<RescueAccount | null> {
    if (!name.clientKey || !name.username) return null;
    const membership = await this.memberships.findByClientKeyAndUsername(name.clientKey, name.username);
    if (!membership || membership.user.status !== UserStatus.Active || membership.client.status !== ClientStatus.Active)
      return null;
    if (membership.user.lockedAt) return null;
    return { client: membership.client, user: membership.user, username: membership.username };
  }

  /**
   * The client's registered addresses (the primary email and the contacts that receive account
   * and security emails) and the user's own, each once whatever its case. The user's own is left
   * out while it is an address staff set less than NEW_EMAIL_HOLD_HOURS ago: a code, and the
   * password it gets, must not reach an address the real owner was only just told about.
   */
  async recipientsOf(account: RescueAccount): Promise<RescueRecipient[]> {
    const { client, user } = account;
    const contacts = await this.summaries.securityContacts(client.id);
    const candidates: RescueRecipient[] = [
      { email: client.email, displayName: `${client.firstName} ${client.lastName}`.trim() },
      ...contacts.map((contact) => ({
        email: contact.email,
        displayName: `${contact.firstName} ${contact.lastName}`.trim(),
      })),
      ...(emailHoldUntil(user, this.config.auth.newEmailHoldSeconds, this.clock.nowMs())
        ? []
        : [{ email: user.email, displayName: displayNameOf(user) }]),
    ];
    const byAddress = new Map<string, RescueRecipient>();
    for (const candidate of candidates) {
      const email = candidate.email.trim().toLowerCase();
      if (email && !byAddress.has(email)) byAddress.set(email, { ...candidate, email });
    }
    return [...byAddress.values()];
  }
}
