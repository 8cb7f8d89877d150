import {
  ErrorCode,
  type Permission,
  type SessionResponse,
  type SessionSettings,
  type SessionStaff,
} from '@keydesk/domain';
import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';

import { API_URL, httpClient, setCsrfToken } from './http-client';

export interface KeydeskIdentity extends UserIdentity {
  username: string;
  roles: SessionStaff['roles'];
  permissions: Permission[];
  /** The deployment's lifetimes and password minimum, as configured on the api. */
  settings: SessionSettings;
}

/**
 * Why the last session ended without the staff member signing out (idle timeout, revoked…), as
 * the api worded it in the UI's language. The login page shows it until the next sign-in: a
 * notification would vanish before someone back from a break reads it.
 */
let endedReason: string | null = null;

export function sessionEndedReason(): string | null {
  return endedReason;
}

let session: SessionResponse | null = null;
let sessionRequest: Promise<SessionResponse> | null = null;

/**
 * False from the moment a 401 ended the session. useDataProvider then signs the staff member out and
 * resolves the refused call with an empty answer rather than failing it, so whoever reports a
 * call's success asks this first.
 */
export function hasSession(): boolean {
  return session !== null;
}

function remember(answer: SessionResponse): SessionResponse {
  session = answer;
  setCsrfToken(answer.csrfToken);
  return answer;
}

function forget(error?: unknown): void {
  session = null;
  setCsrfToken(null);
  // Someone who simply is not signed in yet needs the login page, not an explanation.
  const notSignedIn = error instanceof HttpError && error.body?.code === ErrorCode.NotAuthenticated;
  if (error instanceof HttpError && !notSignedIn) endedReason = error.message;
}

/** One request at a time: react-admin asks checkAuth, getIdentity and getPermissions at once. */
function fetchSession(): Promise<SessionResponse> {
  sessionRequest ??= httpClient(`${API_URL}/auth/session`)
    .then(({ json }) => remember(json as SessionResponse))
    .finally(() => {
      sessionRequest = null;
    });
  return sessionRequest;
}

function currentSession(): Promise<SessionResponse> {
  return session ? Promise.resolve(session) : fetchSession();
}

// The login page explains why, so react-admin's own notification would only repeat it.
const QUIET = { message: false } as const;

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    try {
      const { json } = await httpClient(`${API_URL}/auth/login`, {
        method: 'POST',
        body: JSON.stringify({ username, password }),
      });
      remember(json as SessionResponse);
      endedReason = null;
    } catch (error) {
      // The api's message is already in the UI's language and explains the 401 and both 429s.
      throw error instanceof HttpError ? new Error(error.message) : new Error('ra.notification.http_error');
    }
  },

  async logout() {
    if (session) {
      endedReason = null;
      try {
        await httpClient(`${API_URL}/auth/logout`, { method: 'POST' });
      } catch {
        // The session may already be over on the server; the browser forgets it all the same.
      }
    }
    forget();
  },

  /**
   * Asks the api on every page change, so a session that ended while the page stayed open is
   * noticed at the next click rather than at the next save.
   */
  async checkAuth() {
    try {
      await fetchSession();
    } catch (error) {
      // A passing network failure should not sign anyone out; the api decides that, with a 401.
      if (session && !(error instanceof HttpError)) return;
      forget(error instanceof HttpError ? error : undefined);
      throw QUIET;
    }
  },

  async checkError(error: unknown) {
    // A 403 keeps the staff member where they are, with the api's message as a notification.
    if (error instanceof HttpError && error.status === 401) {
      forget(error);
      throw QUIET;
    }
  },

  async getIdentity(): Promise<KeydeskIdentity> {
    const { staff, settings } = await currentSession();
    return {
      id: staff.id,
      fullName: staff.displayName,
      username: staff.username,
      roles: staff.roles,
      permissions: staff.permissions,
      settings,
    };
  },

  async getPermissions(): Promise<Permission[]> {
    try {
      return (await currentSession()).staff.permissions;
    } catch {
      // Not signed in means no permissions; checkAuth takes care of sending the user to log in.
      return [];
    }
  },
};
