import { Injectable } from '@nestjs/common';

import { AssuredAction, ErrorCode, UserFactorRemovalResponse } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { RequestContext } from '../../common/http/request-context';
import { TransactionRunner } from '../../database/transaction-runner';
import { AssuranceGate } from '../assurance/assurance-gate';
import { UserCredentialsService } from '../credentials/user-credentials.service';
import { TicketRepository } from '../tickets/ticket.repository';
import { ClientUserRepository } from '../users/client-user.repository';
import { UserRepository } from '../users/user.repository';
import { UserFactorsRepository } from './user-factors.repository';

export interface FactorRemovalRequest {
  reason: string;
  ticketId: number;
  approvalId?: number;
}

/**
 * "Remove second factor" on Manage user, for a customer who lost both their app and their
 * recovery codes: a caller this agent verified, a supervisor's approval, a reason and the ticket.
 * Every factor goes, every session ends, the user and the client's security addresses are told;
 * where a client requires a factor, the next sign-in asks the user to enrol again.
 */
@Injectable()
export class UserFactorRemovalService {
  constructor(
    private readonly factors: UserFactorsRepository,
    private readonly users: UserRepository,
    private readonly memberships: ClientUserRepository,
    private readonly tickets: TicketRepository,
    private readonly gate: AssuranceGate,
    private readonly credentials: UserCredentialsService,
    private readonly transactions: TransactionRunner,
  ) {}

  async remove(
    userId: number,
    request: FactorRemovalRequest,
    context: RequestContext,
  ): Promise<UserFactorRemovalResponse> {
    const user = await this.users.findById(userId);
    if (!user) throw new DomainError(ErrorCode.NotFound, { resource: 'user' });
    const memberships = await this.memberships.forUsers([userId]);
    const ticket = await this.tickets.findById(request.ticketId);
    const membership = memberships.find((m) => m.clientId === ticket?.clientId);
    if (!ticket || !membership)
      throw new DomainError(ErrorCode.ValidationFailed, {}, { ticketId: { key: 'verification.notUserTicket' } });
    if ((await this.factors.detailOf(userId)).methods.length === 0) throw new DomainError(ErrorCode.NoSecondFactor);
    const guarded = {
      action: AssuredAction.SecondFactorRemoval,
      userId,
      approvalId: request.approvalId,
      clientId: membership.clientId,
    };
    await this.gate.precheck(context, guarded);
    await this.transactions.run(async (manager) => {
      await this.gate.enforce(manager, context, guarded);
      await this.credentials.removeFactors(manager, {
        user,
        client: membership.client,
        context,
        details: { reason: request.reason, ticketId: ticket.id, approvalId: request.approvalId ?? null },
      });
    });
    return { twoFactor: await this.factors.detailOf(userId) };
  }
}
