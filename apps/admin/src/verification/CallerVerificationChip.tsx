import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { Chip } from '@mui/material';
import type { VerificationMethod } from '@keydesk/domain';
import { useLocaleState, useTranslate } from 'react-admin';

import { useStillAhead } from './useCallerVerification';

const PREFIX = 'keydesk.verification';

/** "14:35" in the UI's language: a verification lasts minutes, so the time of day says it. */
export function shortTime(value: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(value));
}

interface CallerVerificationChipProps {
  verifiedUntil: string | null | undefined;
  method: VerificationMethod | null | undefined;
  /** In a table's column: "Verified until 14:35", the method left to the user's page. */
  compact?: boolean;
}

/**
 * "Verified (by email code) until 14:35" or "Not verified": the agent's own check of this caller.
 * It turns back to "Not verified" by itself when the time passes, as the api does.
 */
export const CallerVerificationChip = ({ verifiedUntil, method, compact = false }: CallerVerificationChipProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const verified = useStillAhead(verifiedUntil);
  if (!verified || !verifiedUntil) {
    return <Chip size="small" variant="outlined" label={translate(`${PREFIX}.status.not_verified`)} />;
  }
  const time = shortTime(verifiedUntil, locale);
  const how = translate(`${PREFIX}.methods.${method ?? 'email_code'}`, { _: method ?? '' });
  const label = compact
    ? translate(`${PREFIX}.status.verified_short`, { time })
    : translate(`${PREFIX}.status.verified`, { method: how, time });
  return <Chip size="small" color="success" icon={<VerifiedUserIcon />} label={label} />;
};
