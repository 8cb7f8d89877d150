import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';

import { Clock } from '../../common/time/clock';
import { validationErrorToDomainError } from '../../common/errors/validation-errors';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { StaffAuthenticator } from './staff-authenticator';

/**
 * Validates the body (guards run before pipes), lets passport-local check the password, then
 * starts the session: a new id, its start stamped for the timeouts, and a CSRF token.
 */
@Injectable()
export class LocalSignInGuard implements CanActivate {
  constructor(
    private readonly authenticator: StaffAuthenticator,
    private readonly clock: Clock,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const errors = await validate(plainToInstance(LoginDto, request.body ?? {}), {
      whitelist: true,
      forbidNonWhitelisted: true,
      validationError: { target: true, value: false },
    });
    if (errors.length) throw validationErrorToDomainError(errors);
    const staff = await this.authenticator.authenticate(request, context.switchToHttp().getResponse<Response>());
    await this.authenticator.logIn(request, staff);
    const now = this.clock.nowMs();
    request.session.signedInAt = now;
    request.session.lastSeenAt = now;
    request.session.csrfToken = this.auth.newCsrfToken();
    return true;
  }
}
