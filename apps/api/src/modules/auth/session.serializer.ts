import { Injectable } from '@nestjs/common';

import { SessionStaff } from '@keydesk/domain';

import { StaffRepository } from '../staff/staff.repository';

/**
 * The session holds only the staff id; roles and status are read on every request, so a
 * permission taken away or an account disabled takes effect at once. Registered on the app's own
 * Passport instance (configure-app.ts) rather than the global one, which would keep the
 * serializers of every app ever created in the process.
 */
@Injectable()
export class SessionSerializer {
  constructor(private readonly staff: StaffRepository) {}

  serializeUser(user: SessionStaff, done: (error: unknown, id?: number) => void): void {
    done(null, user.id);
  }

  deserializeUser(id: number, done: (error: unknown, user?: SessionStaff | false) => void): void {
    this.staff.findActiveSessionStaff(id).then((staff) => done(null, staff ?? false), done);
  }
}
