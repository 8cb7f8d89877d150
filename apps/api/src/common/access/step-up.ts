import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import { ErrorCode } from '@keydesk/domain';

import { AppConfig } from '../../config/app.config';
import { DomainError } from '../errors/domain-error';
import { ApiErrors } from '../openapi/api-responses';
import { AuthenticatedStaff } from './authenticated-staff';
import { Clock } from '../time/clock';

/** Read by StepUpGuard; exported for the tests that walk every route's rules. */
export const STEP_UP = 'keydesk:step-up';

/**
 * A sensitive action (someone's password or email, factors, staff and roles, the log's export):
 * the staff member must have proved a factor (or, where none is required and they have none, the
 * password) within STEP_UP_MINUTES. Signing in counts.
 */
export const RequireStepUp = () =>
  applyDecorators(SetMetadata(STEP_UP, true), ApiErrors(ErrorCode.StepUpRequired, ErrorCode.TokenNotAllowed));

/** 401 STEP_UP_REQUIRED unless the session proved itself recently; for actions sensitive only sometimes. */
export function assertSteppedUp(request: Request, config: AppConfig, nowMs: number): void {
  // A token proves no factor: what takes a step-up takes a person.
  if ((request.user as AuthenticatedStaff | undefined)?.apiToken) throw new DomainError(ErrorCode.TokenNotAllowed);
  const steppedUpAt = request.staffSession?.steppedUpAt ?? null;
  if (steppedUpAt === null || nowMs - steppedUpAt > config.auth.stepUpSeconds * 1000) {
    throw new DomainError(ErrorCode.StepUpRequired);
  }
}

/** After AccessGuard and CsrfGuard: who may act is settled; this asks whether they proved it lately. */
@Injectable()
export class StepUpGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (!this.reflector.getAllAndOverride<boolean>(STEP_UP, [context.getHandler(), context.getClass()])) return true;
    assertSteppedUp(context.switchToHttp().getRequest<Request>(), this.config, this.clock.nowMs());
    return true;
  }
}
