import {
  ErrorCode,
  type Permission,
  type SecondFactorChallenge,
  type SecondFactorMethod,
  type SessionResponse,
  type SessionSettings,
  type SessionStaff,
} from '@keydesk/domain';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';

import { API_URL, httpClient, setCsrfToken } from './http-client';
import { assertPasskey, PasskeyCeremonyError } from './passkey-ceremony';
import { pendingSecondFactor, setPendingSecondFactor } from './pending-second-factor';

export interface KeydeskIdentity extends UserIdentity {
  username: string;
  roles: SessionStaff['roles'];
  permissions: Permission[];
  /** The deployment's lifetimes and password minimum, as configured on the api. */
  settings: SessionSettings;
}

/** What login() takes: the password; then a code, or a passkey the browser is asked for; or, after an enrolment, nothing more. */
export type LoginParams =
  | { username: string; password: string }
  | { method: Exclude<SecondFactorMethod, 'passkey'>; code: string }
  | { method: 'passkey' }
  | { enrolled: true };

/**
 * login() rejects with this when the password was right but the api wants a second factor, or its
 * enrolment, first: the staff member is not signed in yet, and the login page asks for the rest.
 */
export class SecondFactorPending extends Error {}

type SessionAnswer = SessionResponse | SecondFactorChallenge;

const isChallenge = (answer: SessionAnswer): answer is SecondFactorChallenge => 'secondFactor' in answer;

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
let sessionRequest: Promise<SessionAnswer> | null = null;

/**
 * False from the moment a 401 ended the session. useDataProvider then signs the staff member out and
 * resolves the refused call with an empty answer rather than failing it, so whoever reports a
 * call's success asks this first.
 */
export function hasSession(): boolean {
  return session !== null;
}

function remember(answer: SessionAnswer): SessionAnswer {
  setCsrfToken(answer.csrfToken);
  session = isChallenge(answer) ? null : answer;
  setPendingSecondFactor(isChallenge(answer) ? answer.secondFactor : null);
  return answer;
}

// 401s about a code, a password or a recent proof (the step-up dialog's), not about the session, which goes on.
const SESSION_INTACT: readonly string[] = [
  ErrorCode.SecondFactorInvalid,
  ErrorCode.StepUpRequired,
  ErrorCode.InvalidCredentials,
];

// Codes that say "not signed in (any more)" rather than why a session someone was using ended.
const NOT_SIGNED_IN: readonly string[] = [ErrorCode.NotAuthenticated, ErrorCode.SecondFactorRequired];

function forget(error?: unknown): void {
  session = null;
  setPendingSecondFactor(null);
  setCsrfToken(null);
  // Someone who simply is not signed in yet needs the login page, not an explanation.
  const notSignedIn = error instanceof HttpError && NOT_SIGNED_IN.includes(error.body?.code);
  if (error instanceof HttpError && !notSignedIn) endedReason = error.message;
}

/** One request at a time: react-admin asks checkAuth, getIdentity and getPermissions at once. */
function fetchSession(): Promise<SessionAnswer> {
  sessionRequest ??= httpClient(`${API_URL}/auth/session`)
    .then(({ json }) => remember(json as SessionAnswer))
    .finally(() => {
      sessionRequest = null;
    });
  return sessionRequest;
}

async function currentSession(): Promise<SessionResponse> {
  const answer = session ?? (await fetchSession());
  if (isChallenge(answer)) throw new SecondFactorPending();
  return answer;
}

async function post<T = SessionAnswer>(path: string, body: unknown): Promise<T> {
  const { json } = await httpClient(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return json as T;
}

async function signInStep(params: LoginParams): Promise<SessionAnswer> {
  if ('password' in params) return post('/auth/login', { username: params.username, password: params.password });
  if ('code' in params) return post('/auth/login/second-factor', { method: params.method, code: params.code });
  if ('method' in params) {
    const options = await post<PublicKeyCredentialRequestOptionsJSON>('/auth/login/passkey-options', {});
    const response = await assertPasskey(options);
    return post('/auth/login/second-factor', { method: params.method, response });
  }
  return fetchSession();
}

/** The "Cancel" of the second step: ends the half-signed session, which react-admin's logout keeps. */
export async function cancelSignIn(): Promise<void> {
  try {
    await httpClient(`${API_URL}/auth/logout`, { method: 'POST' });
  } catch {
    // Already over on the server; the browser forgets it all the same.
  }
  forget();
}

// The login page explains why, so react-admin's own notification would only repeat it.
const QUIET = { message: false } as const;

export const authProvider: AuthProvider = {
  /** Resolves once signed in; rejects with SecondFactorPending while the api wants more. */
  async login(params: LoginParams) {
    let answer: SessionAnswer;
    try {
      answer = remember(await signInStep(params));
    } catch (error) {
      // Too many wrong codes, or too slow: the half-signed session is over, the password comes first again.
      if (
        pendingSecondFactor() &&
        error instanceof HttpError &&
        error.status === 401 &&
        error.body?.code !== ErrorCode.SecondFactorInvalid
      ) {
        endedReason = 'keydesk.two_factor.sign_in_again';
        forget();
      }
      // The api's message is already in the UI's language and explains the 401s and both 429s.
      // A cancelled passkey says so in its own words (a translation key); the half-signed session goes on.
      throw error instanceof HttpError || error instanceof PasskeyCeremonyError
        ? error
        : new Error('ra.notification.http_error');
    }
    endedReason = null;
    if (isChallenge(answer)) throw new SecondFactorPending();
  },

  /**
   * A half-signed session is kept: react-admin signs out whenever checkAuth refuses, which is how a
   * reload while the second factor is due reaches the login page, where it resumes. cancelSignIn ends it.
   */
  async logout() {
    if (!session) {
      if (!pendingSecondFactor()) forget();
      return;
    }
    endedReason = null;
    try {
      await httpClient(`${API_URL}/auth/logout`, { method: 'POST' });
    } catch {
      // The session may already be over on the server; the browser forgets it all the same.
    }
    forget();
  },

  /**
   * Asks the api on every page change, so a session that ended while the page stayed open is
   * noticed at the next click rather than at the next save.
   */
  async checkAuth() {
    let answer: SessionAnswer;
    try {
      answer = await fetchSession();
    } catch (error) {
      // A passing network failure should not sign anyone out; the api decides that, with a 401.
      if (session && !(error instanceof HttpError)) return;
      forget(error instanceof HttpError ? error : undefined);
      throw QUIET;
    }
    // Half signed in: the login page asks for the second factor, or its enrolment.
    if (isChallenge(answer)) throw QUIET;
  },

  async checkError(error: unknown) {
    // A 403 keeps the staff member where they are, with the api's message as a notification; so do
    // the 401s that say nothing of the session: a wrong code, a factor to prove again.
    if (error instanceof HttpError && error.status === 401 && !SESSION_INTACT.includes(error.body?.code)) {
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
