import { ErrorCode, type Permission, type SessionResponse, type SessionStaff } from '@keydesk/domain';
import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';

import { API_URL, httpClient, setCsrfToken } from './http-client';

export interface KeydeskIdentity extends UserIdentity {
  username: string;
  roles: SessionStaff['roles'];
  permissions: Permission[];
}

/** react-admin's rejection shape: a message to notify, or `false` to go to the login page silently. */
interface AuthRejection {
  message: string | false;
}

let staff: SessionStaff | null = null;
let sessionRequest: Promise<SessionStaff> | null = null;

function remember(answer: SessionResponse): SessionStaff {
  staff = answer.staff;
  setCsrfToken(answer.csrfToken);
  return answer.staff;
}

function forget(): void {
  staff = null;
  setCsrfToken(null);
}

/**
 * After a reload only the cookie survives; react-admin then asks checkAuth, getIdentity and
 * getPermissions at once, and a single request to the api answers all three.
 */
function loadSession(): Promise<SessionStaff> {
  if (staff) return Promise.resolve(staff);
  sessionRequest ??= httpClient(`${API_URL}/auth/session`)
    .then(({ json }) => remember(json as SessionResponse))
    .finally(() => {
      sessionRequest = null;
    });
  return sessionRequest;
}

function rejectionFor(error: unknown): AuthRejection {
  if (!(error instanceof HttpError)) return { message: 'ra.notification.http_error' };
  // Someone who simply has not signed in yet needs the login page, not an error message.
  if (error.status === 401 && error.body?.code === ErrorCode.NotAuthenticated) return { message: false };
  return { message: error.message };
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    try {
      const { json } = await httpClient(`${API_URL}/auth/login`, {
        method: 'POST',
        body: JSON.stringify({ username, password }),
      });
      remember(json as SessionResponse);
    } catch (error) {
      // The api's message is already in the UI's language and explains the 401 and both 429s.
      throw error instanceof HttpError ? new Error(error.message) : new Error('ra.notification.http_error');
    }
  },

  async logout() {
    if (staff) {
      try {
        await httpClient(`${API_URL}/auth/logout`, { method: 'POST' });
      } catch {
        // The session may already be over on the server; the browser forgets it all the same.
      }
    }
    forget();
  },

  async checkAuth() {
    try {
      await loadSession();
    } catch (error) {
      forget();
      throw rejectionFor(error);
    }
  },

  async checkError(error: unknown) {
    // The session stays remembered until logout(), so react-admin still shows the api's reason
    // (an expired session, say) before it leaves for the login page. A 403 keeps the user here.
    if (error instanceof HttpError && error.status === 401) throw rejectionFor(error);
  },

  async getIdentity(): Promise<KeydeskIdentity> {
    const current = await loadSession();
    return {
      id: current.id,
      fullName: current.displayName,
      username: current.username,
      roles: current.roles,
      permissions: current.permissions,
    };
  },

  async getPermissions(): Promise<Permission[]> {
    try {
      return (await loadSession()).permissions;
    } catch {
      // Not signed in means no permissions; checkAuth takes care of sending the user to log in.
      return [];
    }
  },
};
