import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import type { ConfirmedVerification } from '@keydesk/domain';
import { useState } from 'react';
import { Button } from 'react-admin';

import { VerifyCallerDialog } from './VerifyCallerDialog';

interface VerifyCallerButtonProps {
  userId: number;
  name: string;
  ticketId?: number;
  onVerified?: (verification: ConfirmedVerification) => void;
  variant?: 'text' | 'outlined' | 'contained';
}

/** "Verify caller", with its dialog. */
export const VerifyCallerButton = ({
  userId,
  name,
  ticketId,
  onVerified,
  variant = 'outlined',
}: VerifyCallerButtonProps) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        label="keydesk.verification.verify"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        variant={variant}
      >
        <VerifiedUserIcon />
      </Button>
      {open && (
        <VerifyCallerDialog
          userId={userId}
          name={name}
          ticketId={ticketId}
          onClose={() => setOpen(false)}
          onVerified={onVerified}
        />
      )}
    </>
  );
};
