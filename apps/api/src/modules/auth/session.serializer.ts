import { Injectable } from '@nestjs/common';
import type { Request } from 'express';

import { SessionStaff } from '@keydesk/domain';

import { StaffRepository } from '../staff/staff.repository';
import { staffHandedOver } from './session-staff-handover';

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

  /** Three parameters, so passport passes the request: its staff member was usually read with the session. */
  deserializeUser(request: Request, id: number, done: (error: unknown, user?: SessionStaff | false) => void): void {
    const handedOver = staffHandedOver(request, id);
    if (handedOver !== undefined) return done(null, handedOver ?? false);
    this.staff.findActiveSessionStaff(id).then((staff) => done(null, staff ?? false), done);
  }
}
