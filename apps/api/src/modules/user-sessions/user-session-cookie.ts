import { Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';

import { AppConfig } from '../../config/app.config';

/**
 * Where the client area's cookies live. Over https they take the `__Host-` prefix, which browsers
 * only accept with Secure and Path=/ (no Domain), so no sibling host can plant one; over plain
 * http (development) they stay under /account, out of the staff API's requests.
 */
export function accountCookieOptions(config: AppConfig, baseName: string): { name: string; options: CookieOptions } {
  const secure = config.server.publicUrl.protocol === 'https:';
  return {
    name: secure ? `__Host-${baseName}` : baseName,
    // No maxAge: a browser-session cookie; the server enforces the idle and absolute limits.
    options: { httpOnly: true, sameSite: 'lax', secure, path: secure ? '/' : '/account' },
  };
}

/** Reads one cookie from the header; nothing else here needs a cookie parser. */
export function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.header('cookie') ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}

/** The session cookie: its random id, never stored server-side (only its SHA-256). */
@Injectable()
export class UserSessionCookie {
  private readonly cookie: ReturnType<typeof accountCookieOptions>;

  constructor(config: AppConfig) {
    this.cookie = accountCookieOptions(config, 'keydesk.account');
  }

  read(request: Request): string | undefined {
    return readCookie(request, this.cookie.name);
  }

  set(response: Response, id: string): void {
    response.cookie(this.cookie.name, id, this.cookie.options);
  }

  clear(response: Response): void {
    response.clearCookie(this.cookie.name, this.cookie.options);
  }
}
