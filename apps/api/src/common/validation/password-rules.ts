import { checkPassword, ErrorCode, PasswordContext } from '@keydesk/domain';

import { DomainError } from '../errors/domain-error';

/**
 * Applies the shared password policy and refuses with per-field messages for the form. The same
 * check runs in the admin UI while typing; this one is the one that counts.
 */
export function assertPasswordAccepted(
  password: string,
  context: PasswordContext,
  minLength: number,
  field = 'password',
): void {
  const result = checkPassword(password, context, { minLength });
  if (result.ok) return;
  throw new DomainError(
    ErrorCode.PasswordRejected,
    {},
    {
      [field]: {
        key: `password.${result.reasons[0]}`,
        params: { minLength: result.minLength, maxLength: result.maxLength },
      },
    },
  );
}
