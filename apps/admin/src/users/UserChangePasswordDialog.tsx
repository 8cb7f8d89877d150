import KeyIcon from '@mui/icons-material/Key';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { PasswordDelivery, type SetUserPasswordRequest, type UserResponse } from '@keydesk/domain';
import { useMutation } from '@tanstack/react-query';
import type { FieldValues } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import {
  Button,
  Form,
  RadioButtonGroupInput,
  SaveButton,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';

import { useAssuranceGate } from '../approvals/useAssuranceGate';
import { useSubmissionErrors } from '../common/useApiErrors';
import { useSessionSettings } from '../common/useSessionSettings';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider, SetUserPasswordBody } from '../providers/data-provider';
import { PasswordPolicyInput } from '../staff/PasswordPolicyInput';
import { CredentialRefusalAlert, useCredentialRefusal } from './CredentialRefusal';
import { PasswordSentNotice } from './PasswordSentNotice';
import { DEFAULT_PASSWORD_REASON, PasswordReasonInputs, reasonOf } from './PasswordReasonInputs';
import { NEW_TICKET, PasswordTicketInput } from './PasswordTicketInput';
import { UserAssurancePrompt } from './UserAssurancePrompt';
import { UserClientInput } from './UserClientInput';

const PREFIX = 'keydesk.users.change_password';
const GENERATE = 'generate';
const TYPE = 'type';

/** Typed by the agent, checked against what the policy knows of this user in the chosen client. */
const TypedPasswordInput = ({ user }: { user: UserResponse }) => {
  const source = useWatch({ name: 'passwordSource' }) as string;
  const clientId = useWatch({ name: 'clientId' }) as number | undefined;
  if (source !== TYPE) return null;
  const membership = user.clients.find((candidate) => candidate.clientId === clientId);
  return (
    <PasswordPolicyInput
      autoFocus
      known={{
        name: `${user.firstName} ${user.lastName}`,
        email: user.email,
        username: membership?.username,
        clientKey: membership?.clientKey,
      }}
    />
  );
};

function requestOf(values: FieldValues): SetUserPasswordRequest {
  const newTicket = values.ticketId === NEW_TICKET;
  return {
    clientId: values.clientId as number | undefined,
    ...(values.passwordSource === TYPE ? { password: values.password as string } : { generate: true }),
    ...(newTicket
      ? { newTicketSubject: (values.newTicketSubject as string).trim() }
      : { ticketId: Number(values.ticketId) }),
    delivery: values.delivery as SetUserPasswordRequest['delivery'],
    reason: reasonOf(values),
  };
}

/**
 * "Change password" (step 5 of the procedure, second way): a temporary password the customer
 * gets through a public reply on their ticket and its mail. Generating it is the default, so
 * nobody on staff ever sees it; typing one is for a customer on the phone who needs it read out.
 */
export const UserChangePasswordDialog = ({ user, onClose }: { user: UserResponse; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const submissionErrors = useSubmissionErrors();
  const { refusal, refuse } = useCredentialRefusal();
  const gate = useAssuranceGate();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const { temporaryPasswordHours } = useSessionSettings();
  const { mutateAsync, isPending } = useMutation({
    mutationFn: (request: SetUserPasswordBody) => dataProvider.setUserPassword(user.id, request),
  });

  const submit = async (values: FieldValues) => {
    try {
      const result = await mutateAsync({ ...requestOf(values), approvalId: gate.takeApprovalId() });
      // A 401 sent the agent to the sign-in page instead: no password was set.
      if (!hasSession()) return;
      gate.succeeded();
      // The user's temporary-password state and the voided reset links, as the api now has them.
      refresh();
      notify(<PasswordSentNotice result={result} email={user.email} />, { type: 'success', autoHideDuration: 20_000 });
      onClose();
    } catch (error) {
      if (refuse(error) || gate.refuse(error)) return undefined;
      return submissionErrors(error);
    }
  };

  const defaults = {
    clientId: user.clients[0]?.clientId,
    passwordSource: GENERATE,
    ticketId: NEW_TICKET,
    delivery: PasswordDelivery.Link,
    reason: DEFAULT_PASSWORD_REASON,
  };
  return (
    <Dialog
      open
      onClose={isPending ? undefined : onClose}
      aria-labelledby="change-password-title"
      aria-describedby="change-password-help"
      fullWidth
      maxWidth="sm"
    >
      <Form record={{}} defaultValues={defaults} onSubmit={submit}>
        <DialogTitle id="change-password-title">{translate(`${PREFIX}.title`)}</DialogTitle>
        <DialogContent>
          <CredentialRefusalAlert refusal={refusal} />
          <DialogContentText id="change-password-help" sx={{ mb: 2 }}>
            {translate(`${PREFIX}.help`, { email: user.email, hours: temporaryPasswordHours })}
          </DialogContentText>
          <UserClientInput user={user} />
          <RadioButtonGroupInput
            source="passwordSource"
            label={`${PREFIX}.password_source`}
            choices={[
              { id: GENERATE, name: `${PREFIX}.generate` },
              { id: TYPE, name: `${PREFIX}.type` },
            ]}
            helperText={`${PREFIX}.password_source_help`}
            row={false}
          />
          <TypedPasswordInput user={user} />
          <PasswordTicketInput />
          <RadioButtonGroupInput
            source="delivery"
            label={`${PREFIX}.delivery`}
            choices={[
              { id: PasswordDelivery.Link, name: `${PREFIX}.delivery_link` },
              { id: PasswordDelivery.Inline, name: `${PREFIX}.delivery_inline` },
            ]}
            helperText={translate(`${PREFIX}.delivery_help`, { hours: temporaryPasswordHours })}
            row={false}
          />
          <PasswordReasonInputs />
          <UserAssurancePrompt gate={gate} user={user} />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} disabled={isPending} />
          <SaveButton
            label={`${PREFIX}.save`}
            icon={<KeyIcon />}
            disabled={isPending || refusal !== null}
            alwaysEnable={!isPending && refusal === null}
          />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
