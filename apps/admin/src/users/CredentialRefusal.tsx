import { Alert } from '@mui/material';
import { ErrorCode } from '@keydesk/domain';
import { useCallback, useState } from 'react';
import { HttpError, useRefresh } from 'react-admin';

// What changed between opening Manage user and pressing the dialog's button.
const RACES = new Set<string>([ErrorCode.EmailRecentlyChanged, ErrorCode.UserLocked]);

/**
 * A 409 because the user was locked, or their address changed, after the page was loaded: the
 * dialog keeps the api's words (with the date it opens) in view, rather than a passing toast, and
 * the page refreshes so Security says the same. `refuse` answers false for any other error.
 */
export function useCredentialRefusal(): { refusal: string | null; refuse: (error: unknown) => boolean } {
  const refresh = useRefresh();
  const [refusal, setRefusal] = useState<string | null>(null);
  const refuse = useCallback(
    (error: unknown) => {
      if (!(error instanceof HttpError) || error.status !== 409 || !RACES.has(error.body?.code)) return false;
      setRefusal(error.message);
      refresh();
      return true;
    },
    [refresh],
  );
  return { refusal, refuse };
}

export const CredentialRefusalAlert = ({ refusal }: { refusal: string | null }) =>
  refusal ? (
    <Alert severity="warning" role="alert" sx={{ mb: 2 }}>
      {refusal}
    </Alert>
  ) : null;
