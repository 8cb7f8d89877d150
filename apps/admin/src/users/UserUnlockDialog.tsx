import LockOpenIcon from '@mui/icons-material/LockOpen';
import { ErrorCode, UNLOCK_REASON_MAX_LENGTH, type UserResponse } from '@keydesk/domain';
import { useMutation } from '@tanstack/react-query';
import { HttpError, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';

import { useSubmissionErrors } from '../common/useApiErrors';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';
import { ReasonDialog } from './ReasonDialog';

const PREFIX = 'keydesk.users.lock';

/** The reason is what a later reader of the activity log has to go on: it is required. */
export const UserUnlockDialog = ({ user, onClose }: { user: UserResponse; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const submissionErrors = useSubmissionErrors();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const name = `${user.firstName} ${user.lastName}`.trim();
  const { mutateAsync, isPending } = useMutation({
    mutationFn: (reason: string) => dataProvider.unlockUser(user.id, reason),
  });

  const submit = async (reason: string) => {
    try {
      await mutateAsync(reason);
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
    <ReasonDialog
      title={translate(`${PREFIX}.unlock_title`, { name })}
      help={translate(`${PREFIX}.unlock_help`)}
      prefix={PREFIX}
      maxReasonLength={UNLOCK_REASON_MAX_LENGTH}
      submitLabel={`${PREFIX}.unlock`}
      submitIcon={<LockOpenIcon />}
      pending={isPending}
      onSubmit={submit}
      onClose={onClose}
    />
  );
};
