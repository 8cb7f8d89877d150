/**
 * Rescue codes (the XPD procedure): a customer who lost their password asks for a code with the
 * client key and their user name; it is mailed to the client's registered addresses, and with it
 * a new password is generated. Shared by the api (rules) and the admin UI (the Manage user list).
 */
import type { RandomBytes } from './password/generate-password';

/** Crockford's base32: no I, L, O or U, so a code read aloud or retyped is hard to get wrong. */
export const RESCUE_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 10 symbols of 5 bits: 50 bits, shown as two groups of five (ABCDE-FGHJK). */
export const RESCUE_CODE_LENGTH = 10;

/**
 * Defaults of the limits; each is configurable (README: RESCUE_*). OWASP Forgot Password cheat
 * sheet: the same answer whether or not the account exists, and rate limits per account and IP.
 */
export const RESCUE_CODE_LIMITS = {
  /** One mail per account (client key + user name) in this many seconds. */
  accountMailIntervalSeconds: 60,
  /** Mails per account per day. */
  accountMailsPerDay: 5,
  /** Requests for codes per IP per hour, whatever they name. */
  ipRequestsPerHour: 20,
  /** Failed redemptions per account, and apart per IP, per hour. */
  failedRedemptionsPerHour: 10,
  /** Wrong codes typed for one live code before it is voided. */
  wrongTriesPerCode: 5,
} as const;

/**
 * Every answer to a request for a code takes at least this long, matched or not, so the time it
 * takes tells nothing about which accounts exist (the mail itself goes out later, from the outbox).
 */
export const RESCUE_REQUEST_MIN_MILLISECONDS = 300;

/** Derived from the code's times; `sent` is a code that still works. */
export const RescueCodeState = {
  Sent: 'sent',
  Used: 'used',
  Expired: 'expired',
  Voided: 'voided',
} as const;
export type RescueCodeState = (typeof RescueCodeState)[keyof typeof RescueCodeState];

export const RescueVoidReason = {
  /** A newer code was asked for. */
  Newer: 'newer',
  /** RESCUE_CODE_LIMITS.wrongTriesPerCode wrong codes were typed. */
  WrongTries: 'wrong_tries',
  PasswordChanged: 'password_changed',
  EmailChanged: 'email_changed',
  /** The customer said a change was not theirs ("This wasn't me"). */
  AccountLocked: 'account_locked',
} as const;
export type RescueVoidReason = (typeof RescueVoidReason)[keyof typeof RescueVoidReason];

/** What a redemption did: the XPD way mails a generated password; the stricter OWASP way lets the customer choose it. */
export const RescueRedemptionOutcome = {
  PasswordMailed: 'password_mailed',
  PasswordChosen: 'password_chosen',
} as const;
export type RescueRedemptionOutcome = (typeof RescueRedemptionOutcome)[keyof typeof RescueRedemptionOutcome];

/** A row of the Manage user page's rescue codes (never the code). */
export interface RescueCodeResponse {
  id: number;
  userId: number;
  clientId: number;
  state: RescueCodeState;
  voidReason: RescueVoidReason | null;
  /** How many addresses it was mailed to (which ones are in the Emails tab). */
  recipients: number;
  failedAttempts: number;
  requestedIp: string | null;
  redeemedIp: string | null;
  outcome: RescueRedemptionOutcome | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  voidedAt: string | null;
}

/** POST /api/public/rescue-codes */
export interface RescueCodeRequestBody {
  clientKey: string;
  username: string;
}

/** POST /api/public/rescue-codes/redeem; `password` only when the customer chooses it (RESCUE_CUSTOMER_CHOOSES_PASSWORD). */
export interface RescueCodeRedeemBody extends RescueCodeRequestBody {
  code: string;
  password?: string;
}

export interface RescueCodeRequestResponse {
  /** The same words whether or not anything matched. */
  message: string;
}

export interface RescueCodeRedeemResponse {
  outcome: RescueRedemptionOutcome;
  message: string;
}

/** A new code from 50 random bits, as stored and compared: ten symbols, no separator. */
export function generateRescueCode(randomBytes: RandomBytes): string {
  const bytes = randomBytes(7);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let index = 0; index < RESCUE_CODE_LENGTH; index++) {
    code = RESCUE_CODE_ALPHABET[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return code;
}

/** How the code is shown in mail: two groups of five. */
export function formatRescueCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * What the customer typed, as stored: case-insensitive, spaces and hyphens ignored, and the
 * letters Crockford reads as digits (I and L as 1, O as 0) mapped. Null when it cannot be a code.
 */
export function normalizeRescueCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (code.length !== RESCUE_CODE_LENGTH) return null;
  return [...code].every((symbol) => RESCUE_CODE_ALPHABET.includes(symbol)) ? code : null;
}
