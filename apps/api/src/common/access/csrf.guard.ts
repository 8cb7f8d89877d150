import { timingSafeEqual } from 'node:crypto';

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import { ErrorCode } from '@keydesk/domain';

import { DomainError } from '../errors/domain-error';
import { ACCESS_RULE, AccessRule } from './access.decorator';
import { AuthenticatedStaff } from './authenticated-staff';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Synchronizer-token CSRF defence (OWASP CSRF cheat sheet) on top of SameSite=Strict: every
 * state-changing request of a signed-in staff member carries the session's token in
 * X-CSRF-Token. Public routes (sign-in, /api/public/*) hold no session to protect, and an API
 * token is sent by a program, not by a browser on its own.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method)) return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule?.kind === 'public') return true;
    // A bearer token is no cookie a browser sends by itself: there is nothing to forge.
    if ((request.user as AuthenticatedStaff | undefined)?.apiToken) return true;
    const expected = request.staffSession?.csrfToken;
    const given = request.header('x-csrf-token');
    if (!expected || !given || !sameToken(expected, given)) throw new DomainError(ErrorCode.CsrfTokenInvalid);
    return true;
  }
}

function sameToken(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
