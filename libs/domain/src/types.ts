/** Shared shapes of the API, used by the api's response mappers and by the admin UI. */
import type { Permission } from './permissions';

export type Locale = 'es' | 'en';
export const LOCALES: readonly Locale[] = ['es', 'en'];

export const StaffStatus = { Active: 'active', Disabled: 'disabled' } as const;
export type StaffStatus = (typeof StaffStatus)[keyof typeof StaffStatus];

export interface RoleSummary {
  id: number;
  name: string;
}

/** The signed-in staff member, as /api/auth/login and /api/auth/session answer it. */
export interface SessionStaff {
  id: number;
  username: string;
  email: string;
  displayName: string;
  roles: RoleSummary[];
  permissions: Permission[];
}

/** The deployment's configured lifetimes and limits, so the admin UI states what the api enforces. */
export interface SessionSettings {
  /** RESET_LINK_MINUTES: how long a password reset link works. */
  resetLinkMinutes: number;
  /** TEMP_PASSWORD_HOURS: how long a password set by an agent (and its view-once link) works. */
  temporaryPasswordHours: number;
  /** PASSWORD_MIN_LENGTH: the policy's minimum, in characters. */
  passwordMinLength: number;
}

export interface SessionResponse {
  staff: SessionStaff;
  csrfToken: string;
  settings: SessionSettings;
}

/** GET /api/health: 200 when the database answers, 503 (with the same report) when it does not. */
export interface HealthResponse {
  status: 'ok' | 'error';
  database: 'up' | 'down';
}

export interface StaffResponse {
  id: number;
  username: string;
  email: string;
  displayName: string;
  status: StaffStatus;
  roleIds: number[];
  lastLoginAt: string | null;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RoleResponse {
  id: number;
  name: string;
  description: string;
  builtIn: boolean;
  permissions: Permission[];
  staffCount: number;
}

/** Every error body of the API. `errors` maps a field to its message, as react-admin shows it. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: Record<string, string>;
  /** EMAIL_RECENTLY_CHANGED: when the address may receive a reset link or a temporary password. */
  opensAt?: string;
  /** CALLER_NOT_VERIFIED and APPROVAL_REQUIRED: a supervisor may approve `action` (POST /api/approvals). */
  approvalPossible?: boolean;
  action?: string;
  /** VERIFICATION_CODE_INVALID: wrong codes the verification still takes. */
  triesLeft?: number;
}
