import SendIcon from '@mui/icons-material/Send';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import type { UserResponse } from '@keydesk/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FieldValues } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import {
  Button,
  Form,
  SaveButton,
  SelectInput,
  useDataProvider,
  useGetList,
  useNotify,
  useTranslate,
} from 'react-admin';

import { useAssuranceGate } from '../approvals/useAssuranceGate';
import { useSubmissionErrors } from '../common/useApiErrors';
import { useSessionSettings } from '../common/useSessionSettings';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider, SendResetEmailRequest } from '../providers/data-provider';
import { CredentialRefusalAlert, useCredentialRefusal } from './CredentialRefusal';
import { DEFAULT_PASSWORD_REASON, PasswordReasonInputs, reasonOf } from './PasswordReasonInputs';
import { UserAssurancePrompt } from './UserAssurancePrompt';
import { UserClientInput } from './UserClientInput';

/** The client's tickets to name in the reply; only once a client is chosen. */
const TicketInput = () => {
  const clientId = useWatch({ name: 'clientId' }) as number | undefined;
  const { data = [] } = useGetList(
    'tickets',
    {
      filter: { clientId },
      pagination: { page: 1, perPage: 50 },
      sort: { field: 'lastReplyAt', order: 'DESC' },
    },
    { enabled: Boolean(clientId) },
  );
  return (
    <SelectInput
      source="ticketId"
      label="keydesk.users.reset.ticket"
      helperText="keydesk.users.reset.ticket_help"
      choices={data.map((ticket) => ({ id: ticket.id, name: `#${ticket.id} · ${ticket.subject}` }))}
      emptyText="keydesk.users.reset.no_ticket"
    />
  );
};

/** Step 5 of the procedure: the agent confirms the client (its language), a ticket to tell the customer on, and why. */
export const UserResetEmailDialog = ({ user, onClose }: { user: UserResponse; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const submissionErrors = useSubmissionErrors();
  const { refusal, refuse } = useCredentialRefusal();
  const gate = useAssuranceGate();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const { resetLinkMinutes } = useSessionSettings();
  const { mutateAsync, isPending } = useMutation({
    mutationFn: (request: SendResetEmailRequest) => dataProvider.sendPasswordResetEmail(user.id, request),
  });

  const submit = async (values: FieldValues) => {
    try {
      await mutateAsync({
        clientId: values.clientId as number | undefined,
        ticketId: (values.ticketId as number | undefined) || undefined,
        reason: reasonOf(values),
        approvalId: gate.takeApprovalId(),
      });
      // A 401 sent the agent to the sign-in page instead: nothing was sent.
      if (!hasSession()) return;
      gate.succeeded();
      // The links sent before this one are void now.
      await queryClient.invalidateQueries({ queryKey: ['user-password-resets'] });
      notify('keydesk.users.reset.sent', { type: 'success', messageArgs: { email: user.email } });
      onClose();
    } catch (error) {
      if (refuse(error) || gate.refuse(error)) return undefined;
      return submissionErrors(error);
    }
  };

  return (
    <Dialog
      open
      onClose={isPending ? undefined : onClose}
      aria-labelledby="reset-email-title"
      aria-describedby="reset-email-help"
      fullWidth
      maxWidth="sm"
    >
      <Form
        record={{}}
        defaultValues={{ clientId: user.clients[0]?.clientId, reason: DEFAULT_PASSWORD_REASON }}
        onSubmit={submit}
      >
        <DialogTitle id="reset-email-title">{translate('keydesk.users.reset.title')}</DialogTitle>
        <DialogContent>
          <CredentialRefusalAlert refusal={refusal} />
          <DialogContentText id="reset-email-help" sx={{ mb: 2 }}>
            {translate('keydesk.users.reset.help', { email: user.email, minutes: resetLinkMinutes })}
          </DialogContentText>
          <UserClientInput user={user} />
          <TicketInput />
          <PasswordReasonInputs />
          <UserAssurancePrompt gate={gate} user={user} />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} disabled={isPending} />
          <SaveButton
            label="keydesk.users.reset.send"
            icon={<SendIcon />}
            disabled={isPending || refusal !== null}
            alwaysEnable={!isPending && refusal === null}
          />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
