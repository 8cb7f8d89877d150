import {
  PASSWORD_MIN_LENGTH,
  RESET_LINK_SECONDS,
  TEMPORARY_PASSWORD_SECONDS,
  type SessionSettings,
} from '@keydesk/domain';
import { useGetIdentity } from 'react-admin';

import type { KeydeskIdentity } from '../providers/auth-provider';

// Only for the instant before the session answers; the api's configured values replace them.
const DEFAULTS: SessionSettings = {
  resetLinkMinutes: RESET_LINK_SECONDS / 60,
  temporaryPasswordHours: TEMPORARY_PASSWORD_SECONDS / 3600,
  passwordMinLength: PASSWORD_MIN_LENGTH,
};

/**
 * The lifetimes and password minimum this deployment is configured with, so what the UI tells an
 * agent ("the link works for 30 minutes") is what the api enforces, not the built-in default.
 */
export function useSessionSettings(): SessionSettings {
  const { identity } = useGetIdentity();
  return (identity as KeydeskIdentity | undefined)?.settings ?? DEFAULTS;
}
