import { Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';

import { AppConfig } from '../../config/app.config';
import { readCookie } from '../user-sessions/user-session-cookie';

/**
 * The staff session cookie: its random id, never stored server-side (only its SHA-256).
 * `__Host-` and Secure behind https, so no sibling host can plant one; SameSite=Strict.
 */
@Injectable()
export class StaffSessionCookie {
  readonly name: string;
  private readonly options: CookieOptions;

  constructor(config: AppConfig) {
    const secure = config.server.publicUrl.protocol === 'https:';
    this.name = secure ? '__Host-keydesk.sid' : 'keydesk.sid';
    // No maxAge: a browser-session cookie; the server enforces the idle and absolute limits.
    this.options = { httpOnly: true, sameSite: 'strict', secure, path: '/' };
  }

  read(request: Request): string | undefined {
    return readCookie(request, this.name);
  }

  set(response: Response, id: string): void {
    response.cookie(this.name, id, this.options);
  }

  clear(response: Response): void {
    response.clearCookie(this.name, this.options);
  }
}
