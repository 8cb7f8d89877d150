import { Alert, Dialog, DialogContent, DialogTitle, LinearProgress } from '@mui/material';
import { VerificationMethod, type ConfirmedVerification, type StartedVerification } from '@keydesk/domain';
import { useId, useState } from 'react';
import { Button, useTranslate } from 'react-admin';

import { CallerAddressStep } from './CallerAddressStep';
import { CallerAppCodeStep } from './CallerAppCodeStep';
import { CallerCodeStep } from './CallerCodeStep';
import { CallerMethodChoice } from './CallerMethodChoice';
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
 * earlier and still valid is taken up where it was left. When the customer has an authenticator
 * app, the caller may read its current code instead.
 */
export const VerifyCallerDialog = ({ userId, name, ticketId, onClose, onVerified }: VerifyCallerDialogProps) => {
  const translate = useTranslate();
  const titleId = useId();
  const { data: state, error } = useCallerVerification(userId, ticketId);
  // undefined: follow the code the api says is pending; null: the agent asked for a new one.
  const [started, setStarted] = useState<StartedVerification | null | undefined>(undefined);
  const current = started === undefined ? state?.pending : started;
  // Without an address on file the app is the only way, so it comes first.
  const [chosen, setChosen] = useState<VerificationMethod | null>(null);
  const method = !state?.appAvailable
    ? VerificationMethod.EmailCode
    : (chosen ?? (state.addresses.length === 0 ? VerificationMethod.AppCode : VerificationMethod.EmailCode));

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
        <>
          {state.appAvailable && (
            // Outside the steps, so the radio the agent is on stays put while the step below changes.
            <DialogContent sx={{ flex: 'none', pb: 0 }}>
              <CallerMethodChoice value={method} onChange={setChosen} />
            </DialogContent>
          )}
          {method === VerificationMethod.AppCode ? (
            <CallerAppCodeStep userId={userId} ticketId={ticketId} onClose={onClose} onVerified={onVerified} />
          ) : (
            <CallerAddressStep
              userId={userId}
              ticketId={ticketId}
              addresses={state.addresses}
              onSent={setStarted}
              onClose={onClose}
            />
          )}
        </>
      )}
    </Dialog>
  );
};
