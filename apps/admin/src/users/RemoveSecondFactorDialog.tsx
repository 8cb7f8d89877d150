import PhonelinkEraseIcon from '@mui/icons-material/PhonelinkErase';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { ErrorCode, type UserResponse } from '@keydesk/domain';
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import {
  Button,
  Form,
  HttpError,
  required,
  SaveButton,
  SelectInput,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';

import { useAssuranceGate } from '../approvals/useAssuranceGate';
import { ReasonInput } from '../common/ReasonInput';
import { useSubmissionErrors } from '../common/useApiErrors';
import { hasSession } from '../providers/auth-provider';
import type { FactorRemovalRequest } from '../providers/customer-factors-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';
import { useClientTickets, useTicketResetOnClientChange } from './PasswordTicketInput';
import { UserAssurancePrompt } from './UserAssurancePrompt';
import { UserClientInput } from './UserClientInput';
import { userName } from './user-name';

const PREFIX = 'keydesk.users.second_factor';
const REASON_MAX_LENGTH = 500;

/** The ticket the customer asked on: one of the chosen client's, since the api takes no other. */
const RemovalTicketInput = () => {
  const translate = useTranslate();
  const clientId = useWatch({ name: 'clientId' }) as number | undefined;
  const tickets = useClientTickets(clientId);
  useTicketResetOnClientChange(clientId, null);
  return (
    <SelectInput
      source="ticketId"
      label={`${PREFIX}.ticket`}
      helperText={tickets.length > 0 ? `${PREFIX}.ticket_help` : `${PREFIX}.no_tickets`}
      choices={tickets.map((ticket) => ({
        id: ticket.id,
        name: `#${ticket.id} · ${ticket.subject} · ${translate(`keydesk.tickets.status.${ticket.status}`)}`,
      }))}
      translateChoice={false}
      validate={required()}
      fullWidth
    />
  );
};

/**
 * "Remove second factor", for a customer who lost their app, passkeys and recovery codes: the api
 * takes it only from an agent who verified the caller and holds a supervisor's approval, so the
 * assurance prompt leads through both while the dialog keeps the reason and the ticket.
 */
export const RemoveSecondFactorDialog = ({ user, onClose }: { user: UserResponse; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const submissionErrors = useSubmissionErrors();
  const gate = useAssuranceGate();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const titleId = useId();
  const helpId = useId();
  const name = userName(user);
  const { mutateAsync, isPending } = useMutation({
    mutationFn: (request: FactorRemovalRequest) => dataProvider.removeUserFactors(user.id, request),
  });

  const submit = async (values: FieldValues) => {
    try {
      await mutateAsync({
        reason: String(values.reason).trim(),
        ticketId: Number(values.ticketId),
        approvalId: gate.takeApprovalId(),
      });
      // A 401 sent the agent to the sign-in page instead: nothing was removed.
      if (!hasSession()) return;
      gate.succeeded();
      refresh();
      notify(`${PREFIX}.removed`, { type: 'success', messageArgs: { name } });
      onClose();
    } catch (error) {
      if (gate.refuse(error)) return undefined;
      // Removed meanwhile (by a colleague, or the customer): nothing is left to do here.
      if (error instanceof HttpError && error.body?.code === ErrorCode.NoSecondFactor) {
        refresh();
        notify(error.message, { type: 'info' });
        onClose();
        return undefined;
      }
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
      <Form
        record={{}}
        defaultValues={{ clientId: user.clients[0]?.clientId, ticketId: null, reason: '' }}
        onSubmit={submit}
      >
        <DialogTitle id={titleId}>{translate(`${PREFIX}.remove_title`, { name })}</DialogTitle>
        <DialogContent>
          <DialogContentText id={helpId} sx={{ mb: 2 }}>
            {translate(`${PREFIX}.remove_help`)}
            {user.twoFactor.requiredByClient && ` ${translate(`${PREFIX}.remove_required`)}`}
          </DialogContentText>
          <UserClientInput user={user} />
          <RemovalTicketInput />
          <ReasonInput prefix={PREFIX} maxReasonLength={REASON_MAX_LENGTH} />
          <UserAssurancePrompt gate={gate} user={user} />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} disabled={isPending} />
          <SaveButton
            label={`${PREFIX}.confirm`}
            icon={<PhonelinkEraseIcon />}
            color="warning"
            disabled={isPending}
            alwaysEnable={!isPending}
          />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
