import { Injectable } from '@nestjs/common';
import { PassportSerializer } from '@nestjs/passport';

import { SessionStaff, StaffStatus } from '@keydesk/domain';

import { toSessionStaff } from '../staff/staff.mapper';
import { StaffRepository } from '../staff/staff.repository';

/**
 * The session holds only the staff id; roles and status are read on every request, so a
 * permission taken away or an account disabled takes effect at once.
 */
@Injectable()
export class SessionSerializer extends PassportSerializer {
  constructor(private readonly staff: StaffRepository) {
    super();
  }

  serializeUser(user: SessionStaff, done: (error: unknown, id?: number) => void): void {
    done(null, user.id);
  }

  deserializeUser(id: number, done: (error: unknown, user?: SessionStaff | false) => void): void {
    this.staff
      .findWithRoles(id)
      .then((staff) => done(null, staff && staff.status === StaffStatus.Active ? toSessionStaff(staff) : false), done);
  }
}
