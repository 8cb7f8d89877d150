import { Injectable } from '@nestjs/common';
import { isEmail } from 'class-validator';

import { CredentialWay } from '@keydesk/domain';

import { RequestContext } from '../../common/http/request-context';
import { TransactionRunner } from '../../database/transaction-runner';
import { UserCredentialsService } from '../credentials/user-credentials.service';
import { UserRepository } from '../users/user.repository';
import { AccountPasswordChangeService, CurrentPasswordRefusal } from './account-password-change.service';
import { sameToken } from './client-area-rules';
import { SignedInUser } from './client-area.service';

export interface EmailChangeForm {
  csrfToken?: unknown;
  currentPassword?: unknown;
  email?: unknown;
}

export type EmailChangeOutcome =
  | { kind: 'done' }
  | {
      kind: 'refused';
      status: 400 | 403 | 409 | 429;
      retryAfter?: number;
      value: string;
      currentError: CurrentPasswordRefusal['currentError'] | null;
      emailError: string | null;
      formExpired?: true;
    };

/**
 * The customer changes their own email, signed in and proving the current password. Through the
 * credentials module like any change: the old address and the new one are told, the other sessions
 * end, and the new address needs no wait (the customer set it, not someone who called an agent).
 */
@Injectable()
export class AccountEmailChangeService {
  constructor(
    private readonly users: UserRepository,
    private readonly passwords: AccountPasswordChangeService,
    private readonly credentials: UserCredentialsService,
    private readonly transactions: TransactionRunner,
  ) {}

  async change(current: SignedInUser, form: EmailChangeForm, context: RequestContext): Promise<EmailChangeOutcome> {
    const value = typeof form.email === 'string' ? form.email.trim().slice(0, 254) : '';
    const refused = (
      fields: Omit<Extract<EmailChangeOutcome, { kind: 'refused' }>, 'kind' | 'value' | 'currentError' | 'emailError'> &
        Partial<Pick<Extract<EmailChangeOutcome, { kind: 'refused' }>, 'currentError' | 'emailError'>>,
    ): EmailChangeOutcome => ({ kind: 'refused', value, currentError: null, emailError: null, ...fields });
    const { user, session } = current;
    if (!sameToken(session.csrfToken, form.csrfToken)) return refused({ status: 403, formExpired: true });
    const email = value.toLowerCase();
    if (!isEmail(email)) return refused({ status: 400, emailError: 'invalid' });
    if (email === user.email) return refused({ status: 400, emailError: 'same' });
    const wrong = await this.passwords.checkCurrentPassword(current, form.currentPassword, context);
    if (wrong) return refused(wrong);
    const membership = current.memberships.find((m) => m.clientId === session.clientId) ?? current.memberships[0];
    const taken = await this.transactions.run(async (manager) => {
      if (await this.users.existsByEmail(email, user.id, manager)) return true;
      await this.credentials.changeEmail(manager, {
        user,
        client: membership?.client ?? null,
        way: CredentialWay.Customer,
        context,
        email,
        keepSessionIdHash: session.idHash,
      });
      return false;
    });
    return taken ? refused({ status: 409, emailError: 'taken' }) : { kind: 'done' };
  }
}
