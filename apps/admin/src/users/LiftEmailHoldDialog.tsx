import LockClockIcon from '@mui/icons-material/LockClock';
import { ErrorCode, type UserResponse } from '@keydesk/domain';
import { useMutation } from '@tanstack/react-query';
import { HttpError, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';

import { APPROVAL_REASON_MAX_LENGTH } from '../approvals/RequestApprovalDialog';
import { useAssuranceGate } from '../approvals/useAssuranceGate';
import { useSubmissionErrors } from '../common/useApiErrors';
import type { LiftEmailHoldRequest } from '../providers/assurance-provider';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';
import { ReasonDialog } from './ReasonDialog';
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
  const lift = useMutation({
    mutationFn: (request: LiftEmailHoldRequest) => dataProvider.liftEmailHold(user.id, request),
  });

  const submit = async (reason: string) => {
    try {
      await lift.mutateAsync({ reason, approvalId: gate.takeApprovalId() });
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
    <ReasonDialog
      title={translate(`${PREFIX}.title`, { name: userName(user) })}
      help={translate(`${PREFIX}.help`, { email: user.email })}
      prefix={PREFIX}
      maxReasonLength={APPROVAL_REASON_MAX_LENGTH}
      submitLabel={`${PREFIX}.lift`}
      submitIcon={<LockClockIcon />}
      pending={lift.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <UserAssurancePrompt gate={gate} user={user} />
    </ReasonDialog>
  );
};
