import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';

import { AppConfig } from '../../config/app.config';
import { accountCookieOptions, readCookie } from '../user-sessions/user-session-cookie';

const NONCE_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The sign-in form's CSRF defence before there is a session (OWASP: signed double-submit cookie):
 * a random nonce in an HttpOnly cookie and, in the form, its HMAC under a key derived from
 * SESSION_SECRET. Another site can neither read the cookie nor compute the HMAC, so it cannot
 * sign a victim into the attacker's account (login CSRF).
 */
@Injectable()
export class LoginFormTokens {
  private readonly key: Buffer;
  private readonly cookie: ReturnType<typeof accountCookieOptions>;

  constructor(config: AppConfig) {
    this.key = Buffer.from(
      hkdfSync('sha256', config.secrets.sessionSecret, Buffer.alloc(0), 'keydesk/account-login/form/v1', 32),
    );
    this.cookie = accountCookieOptions(config, 'keydesk.account-login');
  }

  /** The form token for this browser, setting its nonce cookie when it has none. */
  issue(request: Request, response: Response): string {
    let nonce = readCookie(request, this.cookie.name);
    if (!nonce || !NONCE_SHAPE.test(nonce)) {
      nonce = randomBytes(32).toString('base64url');
      response.cookie(this.cookie.name, nonce, this.cookie.options);
    }
    return this.sign(nonce);
  }

  verify(request: Request, given: unknown): boolean {
    const nonce = readCookie(request, this.cookie.name);
    if (!nonce || !NONCE_SHAPE.test(nonce) || typeof given !== 'string') return false;
    const expected = Buffer.from(this.sign(nonce));
    const actual = Buffer.from(given);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  /** Signed in: the nonce has done its work. */
  clear(response: Response): void {
    response.clearCookie(this.cookie.name, this.cookie.options);
  }

  private sign(nonce: string): string {
    return createHmac('sha256', this.key).update(nonce, 'utf8').digest('base64url');
  }
}
