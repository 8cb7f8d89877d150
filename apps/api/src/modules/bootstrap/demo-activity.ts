import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { PasswordDelivery } from '@keydesk/domain';

import { RequestContext } from '../../common/http/request-context';
import { PasswordResetEmailService } from '../password-resets/password-reset-email.service';
import { RescueCodeRequestService } from '../rescue-codes/rescue-code-request.service';
import { StaffRepository } from '../staff/staff.repository';
import { UserPasswordService } from '../user-passwords/user-password.service';
import { ClientUserRepository } from '../users/client-user.repository';

const DEMO = { ip: '127.0.0.1', userAgent: 'Keydesk demo data', locale: 'es' as const };

/**
 * A first day of work on the demo customers, done through the real use cases so the trail, the
 * mails (in the development mailbox) and the pages show what they will: the demo agent sends a
 * reset email and sets a temporary password through a new ticket, and a customer asks for a
 * rescue code. The activity log and the password dashboard have something to show at once.
 */
@Injectable()
export class DemoActivityService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly memberships: ClientUserRepository,
    private readonly resets: PasswordResetEmailService,
    private readonly passwords: UserPasswordService,
    private readonly rescueCodes: RescueCodeRequestService,
    private readonly dataSource: DataSource,
  ) {}

  async load(): Promise<void> {
    const agent = await this.staff.findByLogin('agent');
    const staff = agent ? await this.staff.findActiveSessionStaff(agent.id) : null;
    if (!staff) return;
    const asAgent: RequestContext = { ...DEMO, staff };
    const [first, second, third] = await Promise.all(
      [1, 2, 3].map((clientId) => this.memberships.findOwner(this.dataSource.manager, clientId)),
    );
    if (first) await this.resets.send(first.userId, { clientId: first.clientId, reason: 'forgot' }, asAgent);
    if (second) {
      await this.passwords.set(
        second.userId,
        {
          generate: true,
          clientId: second.clientId,
          newTicketSubject: 'Tu acceso al portal',
          delivery: PasswordDelivery.Link,
          reason: 'locked_out',
        },
        asAgent,
      );
    }
    if (third) {
      const client = await this.memberships.forUsers([third.userId]);
      const membership = client.find((row) => row.clientId === third.clientId);
      if (membership)
        await this.rescueCodes.request(
          { clientKey: membership.client.clientKey, username: membership.username },
          { ...DEMO, staff: null },
        );
    }
  }
}
