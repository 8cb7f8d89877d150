import LockOpenIcon from '@mui/icons-material/LockOpen';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { ErrorCode, UNLOCK_REASON_MAX_LENGTH, type UserResponse } from '@keydesk/domain';
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

import { useSubmissionErrors } from '../common/useApiErrors';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';

const PREFIX = 'keydesk.users.lock';

/** The reason is what a later reader of the activity log has to go on: it is required. */
export const UserUnlockDialog = ({ user, onClose }: { user: UserResponse; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const submissionErrors = useSubmissionErrors();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const titleId = useId();
  const helpId = useId();
  const name = `${user.firstName} ${user.lastName}`.trim();
  const { mutateAsync, isPending } = useMutation({
    mutationFn: (reason: string) => dataProvider.unlockUser(user.id, reason),
  });

  const submit = async (values: FieldValues) => {
    try {
      await mutateAsync((values.reason as string).trim());
      // A 401 sent the agent to the sign-in page instead: nothing was unlocked.
      if (!hasSession()) return;
      refresh();
      notify(`${PREFIX}.unlocked`, { type: 'success', messageArgs: { name } });
      onClose();
    } catch (error) {
      // Someone else unlocked it meanwhile: the page shows that once refreshed.
      if (error instanceof HttpError && error.body?.code === ErrorCode.UserNotLocked) refresh();
      return submissionErrors(error);
    }
  };

  return (
    <Dialog
      open
      onClose={isPending ? undefined : onClose}
      aria-labelledby={titleId}
      aria-describedby={helpId}
      fullWidth
      maxWidth="sm"
    >
      <Form record={{}} defaultValues={{ reason: '' }} onSubmit={submit}>
        <DialogTitle id={titleId}>{translate(`${PREFIX}.unlock_title`, { name })}</DialogTitle>
        <DialogContent>
          <DialogContentText id={helpId} sx={{ mb: 2 }}>
            {translate(`${PREFIX}.unlock_help`)}
          </DialogContentText>
          <TextInput
            source="reason"
            label={`${PREFIX}.reason`}
            helperText={`${PREFIX}.reason_help`}
            validate={[required(), maxLength(UNLOCK_REASON_MAX_LENGTH)]}
            multiline
            minRows={2}
            fullWidth
            autoFocus
            slotProps={{ htmlInput: { maxLength: UNLOCK_REASON_MAX_LENGTH } }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} disabled={isPending} />
          <SaveButton
            label={`${PREFIX}.unlock`}
            icon={<LockOpenIcon />}
            disabled={isPending}
            alwaysEnable={!isPending}
          />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
