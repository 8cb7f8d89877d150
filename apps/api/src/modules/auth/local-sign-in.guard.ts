import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';

import { Clock } from '../../common/time/clock';
import { validationErrorToDomainError } from '../../common/errors/validation-errors';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';

/**
 * Validates the body (guards run before pipes), lets passport-local check the password, then
 * starts the session: passport gives it a new id (no fixation), we stamp its start for the
 * timeouts and give it a CSRF token.
 */
@Injectable()
export class LocalSignInGuard extends AuthGuard('local') {
  constructor(
    private readonly clock: Clock,
    private readonly auth: AuthService,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const errors = await validate(plainToInstance(LoginDto, request.body ?? {}), {
      whitelist: true,
      forbidNonWhitelisted: true,
      validationError: { target: true, value: false },
    });
    if (errors.length) throw validationErrorToDomainError(errors);
    await super.canActivate(context);
    await super.logIn(request);
    const now = this.clock.nowMs();
    request.session.signedInAt = now;
    request.session.lastSeenAt = now;
    request.session.csrfToken = this.auth.newCsrfToken();
    return true;
  }
}
