import { Injectable } from '@nestjs/common';

import { emailHoldUntil, Locale, VerificationAddress, VerificationAddressKind } from '@keydesk/domain';

import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app.config';
import { ClientSummaryRepository } from '../clients/client-summary.repository';
import { ClientEntity } from '../clients/client.entity';
import { ClientUserRepository } from '../users/client-user.repository';
import { UserEntity } from '../users/user.entity';
import { displayNameOf } from '../users/user-names';

/** An address a caller code may go to, with whom it greets and the client whose language it speaks. */
export interface AddressOnFile extends VerificationAddress {
  displayName: string;
  client: ClientEntity | null;
}

/**
 * Where a caller code may go: only what was on file before the call, never an address typed
 * during it. The user's own email (unless staff set it within NEW_EMAIL_HOLD_HOURS: the caller
 * may be the one who had it set), and for each of the user's clients its primary email and the
 * contacts that receive account and security mail, each address once.
 */
@Injectable()
export class VerificationAddresses {
  constructor(
    private readonly memberships: ClientUserRepository,
    private readonly summaries: ClientSummaryRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async of(user: UserEntity): Promise<AddressOnFile[]> {
    const clients = (await this.memberships.forUsers([user.id])).map((membership) => membership.client);
    const held = emailHoldUntil(user, this.config.auth.newEmailHoldSeconds, this.clock.nowMs()) !== null;
    const found: AddressOnFile[] = held
      ? []
      : [
          {
            address: user.email,
            kind: VerificationAddressKind.User,
            displayName: displayNameOf(user),
            client: clients[0] ?? null,
          },
        ];
    for (const client of clients) {
      found.push({
        address: client.email,
        kind: VerificationAddressKind.Client,
        displayName: `${client.firstName} ${client.lastName}`.trim(),
        client,
      });
      for (const contact of await this.summaries.securityContacts(client.id)) {
        found.push({
          address: contact.email,
          kind: VerificationAddressKind.Contact,
          displayName: `${contact.firstName} ${contact.lastName}`.trim(),
          client,
        });
      }
    }
    const seen = new Set<string>();
    return found
      .map((entry) => ({ ...entry, address: entry.address.trim().toLowerCase() }))
      .filter((entry) => entry.address && !seen.has(entry.address) && seen.add(entry.address));
  }
}

/** The language of a code's mail: its client's, Spanish when the user belongs to none. */
export function localeOf(address: AddressOnFile): Locale {
  return address.client?.language ?? 'es';
}
