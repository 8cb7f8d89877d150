import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

import type { Locale } from '@keydesk/domain';

import { AuthenticatedStaff } from '../access/authenticated-staff';
import { localeFromAcceptLanguage } from '../i18n/translate';

/** What services need to know about the request: who, from where, in which language. */
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
  locale: Locale;
  staff: AuthenticatedStaff | null;
}

export function requestContextOf(request: Request): RequestContext {
  return {
    ip: request.ip ?? null,
    userAgent: request.header('user-agent')?.slice(0, 512) ?? null,
    locale: localeFromAcceptLanguage(request.header('accept-language')),
    staff: (request.user as AuthenticatedStaff | undefined) ?? null,
  };
}

export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext) =>
  requestContextOf(context.switchToHttp().getRequest<Request>()),
);
