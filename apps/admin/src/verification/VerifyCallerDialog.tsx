import { Alert, Dialog, DialogContent, DialogTitle, LinearProgress } from '@mui/material';
import type { ConfirmedVerification, StartedVerification } from '@keydesk/domain';
import { useId, useState } from 'react';
import { Button, useTranslate } from 'react-admin';

import { CallerCodeStep } from './CallerCodeStep';
import { CallerAddressStep } from './CallerAddressStep';
import { useCallerVerification } from './useCallerVerification';

const PREFIX = 'keydesk.verification';

export interface VerifyCallerDialogProps {
  userId: number;
  /** Who the caller says they are, for the title. */
  name: string;
  /** The ticket the agent works on, kept with the verification. */
  ticketId?: number;
  onClose: () => void;
  onVerified?: (verification: ConfirmedVerification) => void;
}

/**
 * "Verify caller": a code goes to an address already on file (picked from a list, never typed, so
 * a caller cannot talk the agent into another one), and the caller reads it back. A code sent
 * earlier and still valid is taken up where it was left.
 */
export const VerifyCallerDialog = ({ userId, name, ticketId, onClose, onVerified }: VerifyCallerDialogProps) => {
  const translate = useTranslate();
  const titleId = useId();
  const { data: state, error } = useCallerVerification(userId, ticketId);
  // undefined: follow the code the api says is pending; null: the agent asked for a new one.
  const [started, setStarted] = useState<StartedVerification | null | undefined>(undefined);
  const current = started === undefined ? state?.pending : started;

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{translate(`${PREFIX}.title`, { name })}</DialogTitle>
      {error ? (
        <DialogContent>
          <Alert severity="error">{translate(`${PREFIX}.load_failed`)}</Alert>
          <Button label="ra.action.close" onClick={onClose} sx={{ mt: 2 }} />
        </DialogContent>
      ) : !state ? (
        <DialogContent>
          <LinearProgress />
        </DialogContent>
      ) : current ? (
        <CallerCodeStep
          key={current.id}
          userId={userId}
          started={current}
          onNewCode={() => setStarted(null)}
          onClose={onClose}
          onVerified={onVerified}
        />
      ) : (
        <CallerAddressStep
          userId={userId}
          ticketId={ticketId}
          addresses={state.addresses}
          onSent={setStarted}
          onClose={onClose}
        />
      )}
    </Dialog>
  );
};
