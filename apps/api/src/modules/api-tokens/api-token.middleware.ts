import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

import { ErrorCode } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { bearerToken } from './api-token-secret';
import { ApiTokensService } from './api-tokens.service';

/**
 * `Authorization: Bearer kd_…`: the request acts as the token's maker within its permissions, with
 * no session and no CSRF token. A bearer header that names no live token is a 401, never a
 * fall-back to a cookie: an integration must learn its token stopped working.
 */
@Injectable()
export class ApiTokenMiddleware implements NestMiddleware {
  constructor(private readonly tokens: ApiTokensService) {}

  async use(request: Request, _response: Response, next: NextFunction): Promise<void> {
    try {
      const header = request.header('authorization');
      if (header === undefined) return next();
      const token = bearerToken(header);
      const staff = token ? await this.tokens.authenticate(token) : null;
      if (!staff) throw new DomainError(ErrorCode.NotAuthenticated);
      request.user = staff;
      next();
    } catch (error) {
      next(error);
    }
  }
}
