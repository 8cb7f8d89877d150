import { ErrorCode } from '@keydesk/domain';

/** The HTTP status of each error code; one place, so the API stays consistent. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.PasswordTooLong]: 400,
  [ErrorCode.PasswordRejected]: 400,
  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.NotAuthenticated]: 401,
  [ErrorCode.SessionExpired]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.CsrfTokenInvalid]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.UsernameTaken]: 409,
  [ErrorCode.EmailTaken]: 409,
  [ErrorCode.RoleNameTaken]: 409,
  [ErrorCode.RoleBuiltIn]: 409,
  [ErrorCode.RoleInUse]: 409,
  [ErrorCode.CannotDisableSelf]: 409,
  [ErrorCode.LastAdministrator]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.TooManyAttempts]: 429,
  [ErrorCode.AccountLocked]: 429,
  [ErrorCode.InternalError]: 500,
  [ErrorCode.ServiceBusy]: 503,
};
