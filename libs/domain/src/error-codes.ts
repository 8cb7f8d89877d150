/**
 * Stable error codes of the API. The api maps each to an HTTP status and a message in the
 * caller's language; integrators and the admin UI may branch on them.
 */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  TooManyAttempts: 'TOO_MANY_ATTEMPTS',
  /** A rate limit other than sign-in throttling (rescue codes); Retry-After says when. */
  TooManyRequests: 'TOO_MANY_REQUESTS',
  AccountLocked: 'ACCOUNT_LOCKED',
  NotAuthenticated: 'NOT_AUTHENTICATED',
  SessionExpired: 'SESSION_EXPIRED',
  Forbidden: 'FORBIDDEN',
  CsrfTokenInvalid: 'CSRF_TOKEN_INVALID',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  UsernameTaken: 'USERNAME_TAKEN',
  EmailTaken: 'EMAIL_TAKEN',
  RoleNameTaken: 'ROLE_NAME_TAKEN',
  RoleBuiltIn: 'ROLE_BUILT_IN',
  RoleInUse: 'ROLE_IN_USE',
  PasswordTooLong: 'PASSWORD_TOO_LONG',
  PasswordRejected: 'PASSWORD_REJECTED',
  CannotDisableSelf: 'CANNOT_DISABLE_SELF',
  LastAdministrator: 'LAST_ADMINISTRATOR',
  ServiceBusy: 'SERVICE_BUSY',
  ClientKeyTaken: 'CLIENT_KEY_TAKEN',
  ClientKeyInvalid: 'CLIENT_KEY_INVALID',
  UserEmailTaken: 'USER_EMAIL_TAKEN',
  ClientUsernameTaken: 'CLIENT_USERNAME_TAKEN',
  AlreadyAssociated: 'ALREADY_ASSOCIATED',
  OwnerRequired: 'OWNER_REQUIRED',
  NotYourNote: 'NOT_YOUR_NOTE',
  MailHasSecret: 'MAIL_HAS_SECRET',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  /** A body in a charset, encoding or media type the API does not read. */
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  /** The database cannot be reached for now; Retry-After says when to try again. */
  DatabaseUnavailable: 'DATABASE_UNAVAILABLE',
  /** One answer for every failed rescue-code redemption: wrong, used, voided, expired or unknown account. */
  RescueCodeInvalid: 'RESCUE_CODE_INVALID',
  /** A reset link or temporary password for an address staff set too recently; `opensAt` says when. */
  EmailRecentlyChanged: 'EMAIL_RECENTLY_CHANGED',
  /** The customer reported a change and the user is locked: staff unlock it first, with a reason. */
  UserLocked: 'USER_LOCKED',
  /** Unlock asked of a user who is not locked. */
  UserNotLocked: 'USER_NOT_LOCKED',
  /** The session waits for a second factor (or an enrolment): only those routes and sign-out answer. */
  SecondFactorRequired: 'SECOND_FACTOR_REQUIRED',
  /** A wrong, reused or unknown second factor code. */
  SecondFactorInvalid: 'SECOND_FACTOR_INVALID',
  /** A sensitive action needs a factor proved within STEP_UP_MINUTES: POST /api/auth/step-up, then retry. */
  StepUpRequired: 'STEP_UP_REQUIRED',
  /** Removing the last factor where the policy requires one. */
  TwoFactorRequired: 'TWO_FACTOR_REQUIRED',
  /** The policy asks a verified caller for this action: verify the caller, or ask for an approval (`action` names it). */
  CallerNotVerified: 'CALLER_NOT_VERIFIED',
  /** Past a limit, or an action that always takes a second person: ask for an approval of `action`. */
  ApprovalRequired: 'APPROVAL_REQUIRED',
  /** The approval named is not approved, was used, expired, or is for another action, subject or agent. */
  ApprovalNotUsable: 'APPROVAL_NOT_USABLE',
  /** Nobody decides their own request. */
  ApprovalOwnRequest: 'APPROVAL_OWN_REQUEST',
  ApprovalAlreadyDecided: 'APPROVAL_ALREADY_DECIDED',
  /** A wrong caller code; `triesLeft` says how many remain. */
  VerificationCodeInvalid: 'VERIFICATION_CODE_INVALID',
  /** The code expired, was used, ran out of tries, or is another agent's. */
  VerificationNotActive: 'VERIFICATION_NOT_ACTIVE',
  /** An address that is not one of the user's addresses on file. */
  VerificationAddressUnknown: 'VERIFICATION_ADDRESS_UNKNOWN',
  /** Lifting a new-address wait where none is running. */
  EmailHoldNotActive: 'EMAIL_HOLD_NOT_ACTIVE',
  /** Removing the second factor of a user who has none. */
  NoSecondFactor: 'NO_SECOND_FACTOR',
  /** An action that takes a person (a step-up, a verified caller, an approval, a session): not for an API token. */
  TokenNotAllowed: 'TOKEN_NOT_ALLOWED',
  InternalError: 'INTERNAL_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
