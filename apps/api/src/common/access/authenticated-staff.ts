import type { Permission, SessionStaff } from '@keydesk/domain';

/** The staff member behind a request (passport's req.user), reloaded from the database each time. */
export type AuthenticatedStaff = SessionStaff & { permissions: Permission[] };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    /** What passport puts on req.user for a signed-in staff member. */
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends SessionStaff {}
  }
}

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by SessionTimeoutMiddleware when the session ran out, so the 401 says why. */
    sessionExpired?: boolean;
  }
}

declare module 'express-session' {
  interface SessionData {
    csrfToken?: string;
    signedInAt?: number;
    lastSeenAt?: number;
    passport?: { user?: number };
  }
}
