import { Stack } from '@mui/material';

import { CallerVerificationChip } from './CallerVerificationChip';
import { useCallerVerification } from './useCallerVerification';
import { useCanVerifyCallers } from './useCanVerifyCallers';
import { VerifyCallerButton } from './VerifyCallerButton';

interface CallerVerificationPanelProps {
  userId: number;
  name: string;
  /** From a ticket's page: the verification is kept with that ticket. */
  ticketId?: number;
}

/** Whether the agent verified this caller, and until when, with the way to do it beside it. */
export const CallerVerificationPanel = ({ userId, name, ticketId }: CallerVerificationPanelProps) => {
  const canVerify = useCanVerifyCallers();
  const { data } = useCallerVerification(canVerify ? userId : undefined, ticketId);
  if (!canVerify) return null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <CallerVerificationChip verifiedUntil={data?.verifiedUntil} method={data?.method} />
      <VerifyCallerButton userId={userId} name={name} ticketId={ticketId} variant="text" />
    </Stack>
  );
};
