import HowToRegIcon from '@mui/icons-material/HowToReg';
import LiveHelpIcon from '@mui/icons-material/LiveHelp';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { ErrorCode } from '@keydesk/domain';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { Button, useTranslate } from 'react-admin';

import { useCanVerifyCallers } from '../verification/useCanVerifyCallers';
import { VerifyCallerDialog } from '../verification/VerifyCallerDialog';
import { RequestApprovalDialog } from './RequestApprovalDialog';
import { CALLER_AND_APPROVAL, type AssuranceGate, type AssuranceRefusal } from './useAssuranceGate';
import { useSubjectApprovals, type AssuranceSubject } from './useSubjectApprovals';

const PREFIX = 'keydesk.approvals.prompt';

interface AssurancePromptProps {
  gate: AssuranceGate;
  subject: AssuranceSubject;
  /** The ticket the agent works on, offered with the request. */
  ticketId?: number;
}

// The dialogs opened from here live inside the refused dialog's form in React's tree: a submit in
// them must not bubble, through the portal, into that form.
const stopSubmit = (event: SyntheticEvent) => event.stopPropagation();

const AssuranceOptions = ({
  refusal,
  gate,
  subject,
  ticketId,
}: AssurancePromptProps & { refusal: AssuranceRefusal }) => {
  const translate = useTranslate();
  const canVerify = useCanVerifyCallers();
  const { usable, waiting } = useSubjectApprovals(subject, refusal.action);
  const [open, setOpen] = useState<'verify' | 'ask' | null>(null);
  const close = () => setOpen(null);
  const alert = useRef<HTMLDivElement>(null);
  // A long dialog may be scrolled elsewhere: the way on comes into view where the agent looks.
  useEffect(() => {
    alert.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [refusal]);
  const offerVerify = refusal.code === ErrorCode.CallerNotVerified && subject.userId !== undefined && canVerify;
  const takesBoth = refusal.code === ErrorCode.CallerNotVerified && CALLER_AND_APPROVAL.includes(refusal.action);

  return (
    <Alert ref={alert} severity="warning" role="alert" sx={{ mb: 2 }}>
      <Typography variant="body2">{refusal.message}</Typography>
      {takesBoth && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate(`${PREFIX}.verify_then_approval`)}
        </Typography>
      )}
      {waiting && !usable && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate(`${PREFIX}.waiting`, { id: waiting.id })}
        </Typography>
      )}
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap' }}>
        {usable && (
          // A submit button of the refused dialog's form: the same request goes again, with the approval.
          <Button
            type="submit"
            label={translate(`${PREFIX}.use`, { id: usable.id })}
            onClick={() => gate.chooseApproval(usable.id)}
            variant="contained"
            color="warning"
          >
            <HowToRegIcon />
          </Button>
        )}
        {offerVerify && (
          <Button label="keydesk.verification.verify" onClick={() => setOpen('verify')} aria-haspopup="dialog" />
        )}
        {!usable && !waiting && (
          <Button label={`${PREFIX}.ask`} onClick={() => setOpen('ask')} aria-haspopup="dialog">
            <LiveHelpIcon />
          </Button>
        )}
      </Stack>
      <Box component="span" onSubmit={stopSubmit}>
        {open === 'verify' && subject.userId !== undefined && (
          <VerifyCallerDialog
            userId={subject.userId}
            name={subject.name}
            ticketId={ticketId}
            onClose={close}
            onVerified={gate.verified}
          />
        )}
        {open === 'ask' && (
          <RequestApprovalDialog action={refusal.action} subject={subject} ticketId={ticketId} onClose={close} />
        )}
      </Box>
    </Alert>
  );
};

/**
 * Instead of a failure, when the api wants a verified caller or a second person's approval: the
 * dialog keeps what was typed, and this offers the ways on: verify the caller, ask for an approval,
 * or use one already given ("Use approval #N" sends the same request again with it).
 */
export const AssurancePrompt = (props: AssurancePromptProps) =>
  props.gate.refusal ? <AssuranceOptions {...props} refusal={props.gate.refusal} /> : null;
