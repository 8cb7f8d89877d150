import type { Permission, SessionStaff } from '@keydesk/domain';

import type { StaffSessionEntity } from '../../modules/auth/staff-session.entity';

/**
 * The staff member behind a request (req.user), read with the session on every request; or, for
 * an API token, its maker within the token's permissions (`apiToken` says which token).
 */
export type AuthenticatedStaff = SessionStaff & { permissions: Permission[]; apiToken?: { id: number; name: string } };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    /** What StaffSessionMiddleware puts on req.user for a signed-in staff member. */
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends SessionStaff {}
  }
}

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by StaffSessionMiddleware when the session ran out, so the 401 says why. */
    sessionExpired?: boolean;
    /** The staff session of the cookie, when it is live (StaffSessionMiddleware). */
    staffSession?: StaffSessionEntity;
  }
}
