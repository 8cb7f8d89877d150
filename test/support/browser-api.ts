import type { SessionResponse } from '@keydesk/domain';

/** The api as a script uses it, to set up what a browser test then looks at through the UI. */
export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
}

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

async function expectOk(response: Response, what: string): Promise<void> {
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
}

/**
 * Signs in as a staff member over HTTP, as the UI would, and returns a client that sends the
 * session cookie and the CSRF token with each call. Failures throw with the api's answer.
 */
export async function signInToApi(baseUrl: string, username: string, password: string): Promise<ApiClient> {
  const login = await fetch(new URL('api/auth/login', baseUrl), {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ username, password }),
  });
  await expectOk(login, 'POST /api/auth/login');
  const { csrfToken } = (await login.json()) as SessionResponse;
  // Only each cookie's name=value goes back, as a browser would send it.
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers: { ...JSON_HEADERS, Cookie: cookie, 'X-CSRF-Token': csrfToken },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    await expectOk(response, `${method} ${path}`);
    return (await response.json()) as T;
  }

  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
  };
}
