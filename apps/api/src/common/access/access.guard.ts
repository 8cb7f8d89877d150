import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import { ErrorCode, hasPermission } from '@keydesk/domain';

import { DomainError } from '../errors/domain-error';
import { ACCESS_RULE, AccessRule } from './access.decorator';
import { AuthenticatedStaff } from './authenticated-staff';

@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access rule`);
      throw new DomainError(ErrorCode.Forbidden, { permission: '?' });
    }
    if (rule.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const staff = request.user as AuthenticatedStaff | undefined;
    if (!staff) throw new DomainError(request.sessionExpired ? ErrorCode.SessionExpired : ErrorCode.NotAuthenticated);
    // A token acts through permissions only: the routes of a person's own session are not its,
    // nor what only a person does.
    if (staff.apiToken && (rule.kind !== 'permission' || rule.personOnly)) {
      throw new DomainError(ErrorCode.TokenNotAllowed);
    }
    if (rule.kind === 'second-factor-step') return true;
    if (request.staffSession?.secondFactorPending) throw new DomainError(ErrorCode.SecondFactorRequired);
    if (rule.kind === 'permission' && !hasPermission(staff.permissions, rule.permission)) {
      throw new DomainError(ErrorCode.Forbidden, { permission: rule.permission });
    }
    return true;
  }
}
