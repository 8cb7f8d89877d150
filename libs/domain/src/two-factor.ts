/**
 * Staff second factors: what the api answers and the admin UI shows. Today the authenticator app
 * (TOTP, RFC 6238) and recovery codes; passkeys come beside them.
 */
import type { SessionResponse } from './types';

export const SecondFactorMethod = {
  Passkey: 'passkey',
  Totp: 'totp',
  RecoveryCode: 'recovery_code',
} as const;
export type SecondFactorMethod = (typeof SecondFactorMethod)[keyof typeof SecondFactorMethod];

export type StaffTwoFactorPolicy = 'required' | 'optional';

/** POST /api/auth/step-up: a second factor, or the password where none is required and there is none. */
export type StepUpMethod = SecondFactorMethod | 'password';

/** POST /api/auth/login (and GET /api/auth/session) while the session waits for a second factor. */
export interface SecondFactorChallenge {
  secondFactor: {
    required: true;
    methods: SecondFactorMethod[];
    /** No factor yet where one is required: enrol first (the enrolment routes only). */
    enrolmentRequired: boolean;
  };
  csrfToken: string;
}

/** POST /api/auth/login and GET /api/auth/session: signed in, or the second step still due. */
export type SignInState = SessionResponse | SecondFactorChallenge;

/** GET /api/me/two-factor */
export interface TwoFactorStatus {
  policy: StaffTwoFactorPolicy;
  totp: { enabled: boolean; enabledAt: string | null };
  passkeys: PasskeyResponse[];
  recoveryCodes: { remaining: number };
}

/** A registered passkey, by the name its owner gave it. */
export interface PasskeyResponse {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** POST /api/me/two-factor/totp: the secret to enrol, as text, an otpauth:// URL and its QR code (SVG). */
export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

/** Shown once: when TOTP is confirmed and whenever they are renewed. */
export interface RecoveryCodesResponse {
  recoveryCodes: string[];
  /** Set when confirming the enrolment completed a sign-in: the new session's token. */
  csrfToken?: string;
}

/** POST /api/me/passkeys → 201: recovery codes only with the first factor (shown this once). */
export interface PasskeyRegistrationResponse {
  recoveryCodes?: string[];
  /** Set when registering completed a sign-in: the new session's token. */
  csrfToken?: string;
}

/*
 * The options of a passkey ceremony in WebAuthn's JSON form (Level 3), as @simplewebauthn/server
 * makes them and @simplewebauthn/browser's startRegistration() / startAuthentication() take them.
 * Binary values travel as base64url text.
 */

export type PasskeyTransport = 'ble' | 'cable' | 'hybrid' | 'internal' | 'nfc' | 'smart-card' | 'usb';
export type PasskeyUserVerification = 'discouraged' | 'preferred' | 'required';
export type PasskeyHint = 'hybrid' | 'security-key' | 'client-device';

/** A passkey the ceremony names (one to use, or one not to register twice). */
export interface PasskeyCredentialDescriptor {
  id: string;
  type: 'public-key';
  transports?: PasskeyTransport[];
}

export interface PasskeyExtensionInputs {
  appid?: string;
  credProps?: boolean;
  hmacCreateSecret?: boolean;
  minPinLength?: boolean;
}

/** POST /api/me/passkeys/options: for navigator.credentials.create(). */
export interface PasskeyCreationOptions {
  rp: { name: string; id?: string };
  user: { id: string; name: string; displayName: string };
  challenge: string;
  /** COSE algorithm numbers (-8 Ed25519, -7 ES256, -257 RS256). */
  pubKeyCredParams: Array<{ alg: number; type: 'public-key' }>;
  timeout?: number;
  excludeCredentials?: PasskeyCredentialDescriptor[];
  authenticatorSelection?: {
    authenticatorAttachment?: 'cross-platform' | 'platform';
    requireResidentKey?: boolean;
    residentKey?: 'discouraged' | 'preferred' | 'required';
    userVerification?: PasskeyUserVerification;
  };
  hints?: PasskeyHint[];
  attestation?: 'direct' | 'enterprise' | 'indirect' | 'none';
  attestationFormats?: Array<'fido-u2f' | 'packed' | 'android-safetynet' | 'android-key' | 'tpm' | 'apple' | 'none'>;
  extensions?: PasskeyExtensionInputs;
}

/** POST /api/auth/login/passkey-options and /api/auth/step-up/passkey-options: for navigator.credentials.get(). */
export interface PasskeyRequestOptions {
  challenge: string;
  timeout?: number;
  rpId?: string;
  allowCredentials?: PasskeyCredentialDescriptor[];
  userVerification?: PasskeyUserVerification;
  hints?: PasskeyHint[];
  extensions?: PasskeyExtensionInputs;
}

/** RFC 6238 as Google Authenticator and its kind read it: SHA-1, 6 digits, 30 s, one step either way. */
export const TOTP_PARAMETERS = { algorithm: 'SHA1', digits: 6, period: 30, window: 1 } as const;

/** Ten codes of at least 64 random bits (15 Crockford base32 symbols: 75 bits). */
export const RECOVERY_CODE_COUNT = 10;

/** Wrong second factors that end a half-signed session. */
export const SECOND_FACTOR_TRIES = 5;

/** "ab12c-..." as typed: case, spaces and dashes aside, Crockford's look-alikes read as their digits. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** GET /api/me/sessions: the staff member's own sessions, newest first. */
export interface StaffSessionResponse {
  /** Names the session in DELETE /api/me/sessions/:id; not the cookie. */
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  signedInWith: SecondFactorMethod | 'password';
  /** The session this request came with. */
  current: boolean;
}
