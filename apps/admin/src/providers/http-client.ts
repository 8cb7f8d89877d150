import { ErrorCode, type ApiErrorBody } from '@keydesk/domain';
import { fetchUtils, HttpError } from 'react-admin';

import { i18nProvider } from './i18n-provider';
import { awaitStepUp } from './step-up';

export const API_URL = '/api';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The CSRF token lives in memory only: a script injected into the page could read it from storage,
 * and the api hands it out again with every session answer, so a reload loses nothing.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && 'code' in body && 'message' in body;
}

/**
 * Turns a validation error into the shape react-admin's forms understand: one message per field,
 * plus the api's summary as `root.serverError`, which the form shows as its notification.
 */
function toReactAdminError(error: unknown): unknown {
  if (!(error instanceof HttpError) || !isApiErrorBody(error.body)) return error;
  const body = error.body;
  if (body.errors && Object.keys(body.errors).length > 0) {
    return new HttpError(body.message, error.status, {
      ...body,
      errors: { ...body.errors, root: { serverError: body.message } },
    });
  }
  return new HttpError(body.message, error.status, body);
}

/**
 * Every call to the api goes through here: same-origin cookies, the UI's language so the api answers
 * in it, and the CSRF token on anything that changes state. A sensitive action refused for want of
 * a recent factor waits for the step-up dialog, then goes again: whatever screen made the call
 * gets its answer, with what was typed, as if nothing had been asked in between.
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  for (;;) {
    try {
      return await send(url, options);
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 401 || error.body?.code !== ErrorCode.StepUpRequired) {
        throw error;
      }
      await awaitStepUp(error);
    }
  }
}

async function send(url: string, options: fetchUtils.Options) {
  const headers = new Headers(options.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  headers.set('Accept-Language', i18nProvider.getLocale());
  const method = (options.method ?? 'GET').toUpperCase();
  if (!SAFE_METHODS.has(method) && csrfToken) headers.set('X-CSRF-Token', csrfToken);

  try {
    return await fetchUtils.fetchJson(url, { ...options, headers, credentials: 'same-origin' });
  } catch (error) {
    throw toReactAdminError(error);
  }
}
