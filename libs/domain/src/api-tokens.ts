/**
 * API tokens for integrations (a help-desk bot, a CRM): made by an administrator, holding a set of
 * permissions, sent as `Authorization: Bearer kd_…`. Shared by the api and the admin UI.
 */
import { Permission } from './permissions';

/** What no token may hold: setting passwords, managing staff, deciding approvals take a person. */
export const API_TOKEN_FORBIDDEN_PERMISSIONS: readonly Permission[] = [
  Permission.UsersSetPassword,
  Permission.StaffManage,
  Permission.ApprovalsDecide,
];

export const API_TOKEN_PERMISSIONS: readonly Permission[] = Object.values(Permission).filter(
  (permission) => !API_TOKEN_FORBIDDEN_PERMISSIONS.includes(permission),
);

/** A token lives at most this long. */
export const API_TOKEN_MAX_DAYS = 365;

/** Every token starts so, which makes one found in a log or a repository easy to recognise. */
export const API_TOKEN_PREFIX = 'kd_';

/** GET /api/api-tokens: never the token itself, only its first characters. */
export interface ApiTokenResponse {
  id: number;
  name: string;
  permissions: Permission[];
  /** `kd_` and the next few characters, to tell tokens apart. */
  prefix: string;
  createdBy: { id: number; name: string };
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** POST /api/api-tokens → 201: the token, shown this once. */
export interface CreatedApiToken {
  id: number;
  token: string;
}
