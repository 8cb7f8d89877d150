import { Alert, Box } from '@mui/material';
import type { UserResponse } from '@keydesk/domain';
import { useEffect, useState, type ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

import { exactDateTime } from '../common/RelativeDateField';

/** Why "Send password reset email" and "Change password" wait, as the api would refuse them. */
export type PasswordActionsWait = { reason: 'locked' } | { reason: 'email_hold'; until: Date } | null;

// setTimeout's longest delay; a hold lasts a day, so this only guards against a misconfiguration.
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * The customer's lock first (unlocking is the way out), then the hold on an address staff just
 * set. The page re-renders when the hold ends, so the buttons come back without a reload.
 */
export function usePasswordActionsWait(user: UserResponse | undefined): PasswordActionsWait {
  const holdUntilMs = user?.emailHoldUntil ? new Date(user.emailHoldUntil).getTime() : null;
  const [, setHoldEnded] = useState(0);
  useEffect(() => {
    if (holdUntilMs === null || holdUntilMs <= Date.now()) return;
    const timer = setTimeout(
      () => setHoldEnded((n) => n + 1),
      Math.min(holdUntilMs - Date.now() + 1000, LONGEST_TIMER_MS),
    );
    return () => clearTimeout(timer);
  }, [holdUntilMs]);
  if (user?.lockedAt) return { reason: 'locked' };
  if (holdUntilMs !== null && holdUntilMs > Date.now()) return { reason: 'email_hold', until: new Date(holdUntilMs) };
  return null;
}

interface PasswordActionsWaitNoticeProps {
  wait: NonNullable<PasswordActionsWait>;
  id: string;
  /** The way out, beside the reason ("Lift the wait"). */
  action?: ReactNode;
}

/** Said where the disabled buttons are, so the agent can tell the caller when to expect a mail. */
export const PasswordActionsWaitNotice = ({ wait, id, action }: PasswordActionsWaitNoticeProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const text =
    wait.reason === 'locked'
      ? translate('keydesk.users.password_actions_wait.locked')
      : translate('keydesk.users.password_actions_wait.email_hold', { until: exactDateTime(wait.until, locale) });
  return (
    <Alert id={id} severity="info" sx={{ mt: 2 }}>
      {text}
      {action && <Box sx={{ mt: 1 }}>{action}</Box>}
    </Alert>
  );
};
