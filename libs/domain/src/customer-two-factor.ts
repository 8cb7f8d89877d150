/**
 * Customers' own second factor in the client area: an authenticator app (TOTP, as for staff),
 * passkeys, and ten recovery codes. Shared by the api and the admin UI (the Users tab and Manage
 * user show a user's factors).
 */

export const CustomerFactor = {
  Totp: 'totp',
  Passkey: 'passkey',
} as const;
export type CustomerFactor = (typeof CustomerFactor)[keyof typeof CustomerFactor];

/** A change of a customer's factors: each is told, recorded and may be reported ("This wasn't me"). */
export const FactorChange = {
  TotpAdded: 'totp_added',
  TotpRemoved: 'totp_removed',
  PasskeyAdded: 'passkey_added',
  PasskeyRemoved: 'passkey_removed',
  RecoveryCodesRenewed: 'recovery_codes_renewed',
  RecoveryCodeUsed: 'recovery_code_used',
  /** Staff removed every factor, with a verified caller and a supervisor's approval. */
  FactorsRemovedByStaff: 'factors_removed_by_staff',
} as const;
export type FactorChange = (typeof FactorChange)[keyof typeof FactorChange];

/** `GET /api/users/:id` → `twoFactor`: the factors a user signs in with, and whether a client requires one. */
export interface UserTwoFactorResponse {
  methods: CustomerFactor[];
  requiredByClient: boolean;
  totp: { enabledAt: string; lastUsedAt: string | null } | null;
  passkeys: Array<{ id: number; name: string; createdAt: string; lastUsedAt: string | null }>;
  recoveryCodesLeft: number;
}

/** `POST /api/users/:id/two-factor/removal`: the user's factors once staff removed them. */
export interface UserFactorRemovalResponse {
  twoFactor: UserTwoFactorResponse;
}
