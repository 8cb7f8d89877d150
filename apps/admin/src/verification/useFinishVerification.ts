import type { ConfirmedVerification } from '@keydesk/domain';
import { useCallback } from 'react';
import { useLocaleState, useNotify } from 'react-admin';

import { hasSession } from '../providers/auth-provider';
import { shortTime } from './CallerVerificationChip';
import { useRefreshVerifications } from './useCallerVerification';

/**
 * After a confirmed code, mailed or from the customer's app: every chip and column asks again, the
 * agent is told until when it counts, and the dialog closes. Both ways end the same.
 */
export function useFinishVerification(
  onClose: () => void,
  onVerified?: (verification: ConfirmedVerification) => void,
): (verification: ConfirmedVerification) => Promise<void> {
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refreshVerifications = useRefreshVerifications();
  return useCallback(
    async (verification: ConfirmedVerification) => {
      // A 401 sent the agent to the sign-in page instead: nothing was confirmed.
      if (!hasSession()) return;
      await refreshVerifications();
      notify('keydesk.verification.verified', {
        type: 'success',
        messageArgs: { time: shortTime(verification.verifiedUntil, locale) },
      });
      onVerified?.(verification);
      onClose();
    },
    [locale, notify, refreshVerifications, onVerified, onClose],
  );
}
