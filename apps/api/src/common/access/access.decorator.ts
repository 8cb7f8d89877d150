import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';

import { ErrorCode, Permission } from '@keydesk/domain';

import { ApiErrors } from '../openapi/api-responses';

export const ACCESS_RULE = 'keydesk:access-rule';

/**
 * What a route needs. Every route declares one (a test walks them all); a route that declares
 * none is refused by AccessGuard rather than left open.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'second-factor-step' }
  | { kind: 'permission'; permission: Permission; personOnly?: boolean };

/** Open to anyone: sign-in, health, the customers' public endpoints. Exempt from CSRF checks. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any signed-in staff member, whatever their roles. */
export const SignedIn = () =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'signed-in' } satisfies AccessRule),
    ApiSecurity({ session: [], csrf: [] }),
    ApiErrors(ErrorCode.SecondFactorRequired, ErrorCode.TokenNotAllowed),
  );

/**
 * Also open to a session that waits for its second factor (or an enrolment): the second step of a
 * sign-in, the enrolment routes, the session's own state and signing out. Everything else answers
 * 401 SECOND_FACTOR_REQUIRED to such a session.
 */
export const SecondFactorStep = () =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'second-factor-step' } satisfies AccessRule),
    ApiSecurity({ session: [], csrf: [] }),
    ApiErrors(ErrorCode.TokenNotAllowed),
  );

/**
 * A staff session (with its CSRF token) or an API token holding the permission; with personOnly,
 * a session alone: what only a person can do (verifying a caller on the phone) is refused to a
 * token with 403 TOKEN_NOT_ALLOWED.
 */
export const RequirePermission = (permission: Permission, { personOnly = false } = {}) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'permission', permission, personOnly } satisfies AccessRule),
    ApiSecurity({ session: [], csrf: [] }),
    ...(personOnly ? [ApiErrors(ErrorCode.TokenNotAllowed)] : [ApiSecurity('token')]),
    ApiErrors(ErrorCode.Forbidden, ErrorCode.SecondFactorRequired),
  );
