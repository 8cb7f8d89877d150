import LockClockIcon from '@mui/icons-material/LockClock';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { ErrorCode, type UserResponse } from '@keydesk/domain';
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import type { FieldValues } from 'react-hook-form';
import {
  Button,
  Form,
  HttpError,
  maxLength,
  required,
  SaveButton,
  TextInput,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';

import { APPROVAL_REASON_MAX_LENGTH } from '../approvals/RequestApprovalDialog';
import { useAssuranceGate } from '../approvals/useAssuranceGate';
import { useSubmissionErrors } from '../common/useApiErrors';
import type { LiftEmailHoldRequest } from '../providers/assurance-provider';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';
import { userName } from './user-name';
import { UserAssurancePrompt } from './UserAssurancePrompt';

const PREFIX = 'keydesk.users.email_hold';

/**
 * "Lift the wait": lets a reset link or temporary password go to the address staff just set before
 * the hold ends, for a caller verified on it (or with an approval). The reason goes to the log.
 */
export const LiftEmailHoldDialog = ({ user, onClose }: { user: UserResponse; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const submissionErrors = useSubmissionErrors();
  const gate = useAssuranceGate();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const titleId = useId();
  const helpId = useId();
  const lift = useMutation({
    mutationFn: (request: LiftEmailHoldRequest) => dataProvider.liftEmailHold(user.id, request),
  });

  const submit = async (values: FieldValues) => {
    try {
      await lift.mutateAsync({ reason: String(values.reason).trim(), approvalId: gate.takeApprovalId() });
      // A 401 sent the agent to the sign-in page instead: nothing was lifted.
      if (!hasSession()) return;
      gate.succeeded();
      refresh();
      notify(`${PREFIX}.lifted`, { type: 'success', messageArgs: { email: user.email } });
      onClose();
    } catch (error) {
      if (gate.refuse(error)) return undefined;
      // The wait ended, or someone lifted it, meanwhile: the page says so once refreshed.
      if (error instanceof HttpError && error.body?.code === ErrorCode.EmailHoldNotActive) refresh();
      return submissionErrors(error);
    }
  };

  return (
    <Dialog
      open
      onClose={lift.isPending ? undefined : onClose}
      aria-labelledby={titleId}
      aria-describedby={helpId}
      fullWidth
      maxWidth="sm"
    >
      <Form record={{}} defaultValues={{ reason: '' }} onSubmit={submit}>
        <DialogTitle id={titleId}>{translate(`${PREFIX}.title`, { name: userName(user) })}</DialogTitle>
        <DialogContent>
          <DialogContentText id={helpId} sx={{ mb: 2 }}>
            {translate(`${PREFIX}.help`, { email: user.email })}
          </DialogContentText>
          <TextInput
            source="reason"
            label={`${PREFIX}.reason`}
            helperText={`${PREFIX}.reason_help`}
            validate={[required(), maxLength(APPROVAL_REASON_MAX_LENGTH)]}
            multiline
            minRows={2}
            fullWidth
            autoFocus
            slotProps={{ htmlInput: { maxLength: APPROVAL_REASON_MAX_LENGTH } }}
          />
          <UserAssurancePrompt gate={gate} user={user} />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} disabled={lift.isPending} />
          <SaveButton
            label={`${PREFIX}.lift`}
            icon={<LockClockIcon />}
            disabled={lift.isPending}
            alwaysEnable={!lift.isPending}
          />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
