/**
 * The rules every credential change follows, shared by the api (which enforces them) and the admin
 * UI (which explains them): what changed, which way, and how long a new address waits.
 */

/** What a notice is about. */
export const CredentialKind = {
  Password: 'password',
  Email: 'email',
  /** The authenticator app, passkeys or recovery codes. */
  SecondFactor: 'second_factor',
} as const;
export type CredentialKind = (typeof CredentialKind)[keyof typeof CredentialKind];

/** Which way a user's credential changed; each notice names it. */
export const CredentialWay = {
  /** An agent set a temporary password, or staff changed the email. */
  Staff: 'staff',
  ResetLink: 'reset_link',
  RescueCode: 'rescue_code',
  /** The customer, signed in to the client area. */
  Customer: 'customer',
} as const;
export type CredentialWay = (typeof CredentialWay)[keyof typeof CredentialWay];

/** Why a user is locked. Today only one reason: the customer said a change was not theirs. */
export const UserLockReason = {
  ReportedByCustomer: 'reported_by_customer',
} as const;
export type UserLockReason = (typeof UserLockReason)[keyof typeof UserLockReason];

/** The longest reason staff may give for unlocking a user (kept in the activity log). */
export const UNLOCK_REASON_MAX_LENGTH = 500;

/** Default of NEW_EMAIL_HOLD_HOURS: a day for the real owner of the old address to read the notice. */
export const NEW_EMAIL_HOLD_HOURS = 24;

/** "This wasn't me" links work this long (a week: notices are read late). */
export const REPORT_LINK_SECONDS = 7 * 24 * 60 * 60;

/**
 * Until when no reset link or temporary password may go to the user's address: an address staff
 * set less than `holdSeconds` ago waits, so that the owner of the old address, who was told, can
 * say "This wasn't me" first. An address the customer set while signed in does not wait, nor
 * the address a user was created with. Null when nothing waits.
 */
export function emailHoldUntil(
  user: { emailChangedAt: Date | null; emailChangedBy: string | null; emailHoldLiftedAt?: Date | null },
  holdSeconds: number,
  nowMs: number,
): Date | null {
  if (holdSeconds <= 0 || !user.emailChangedAt || user.emailChangedBy !== CredentialWay.Staff) return null;
  // Staff lifted this address's wait (a verified caller, or an approval).
  if (user.emailHoldLiftedAt && user.emailHoldLiftedAt >= user.emailChangedAt) return null;
  const opensAt = user.emailChangedAt.getTime() + holdSeconds * 1000;
  return opensAt > nowMs ? new Date(opensAt) : null;
}
