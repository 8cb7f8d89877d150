import { Injectable } from '@nestjs/common';

import { ErrorCode, RescueCodeResponse } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import { UserRepository } from '../users/user.repository';
import { toRescueCodeResponse } from './rescue-code.mapper';
import { RescueCodeRepository } from './rescue-code.repository';

/** What staff see of a user's rescue codes: when, for which client, to how many addresses, and what became of them. */
@Injectable()
export class RescueCodeHistoryService {
  constructor(
    private readonly codes: RescueCodeRepository,
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  async ofUser(userId: number, offset: number, limit: number): Promise<{ rows: RescueCodeResponse[]; total: number }> {
    if (!(await this.users.findById(userId))) throw new DomainError(ErrorCode.NotFound, { resource: 'user' });
    const [rows, total] = await this.codes.pageOfUser(userId, offset, limit);
    const now = this.clock.nowMs();
    return { rows: rows.map((row) => toRescueCodeResponse(row, now)), total };
  }
}
