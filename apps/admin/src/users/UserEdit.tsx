import { Stack } from '@mui/material';
import type { UserResponse } from '@keydesk/domain';
import {
  Edit,
  email,
  HttpError,
  RadioButtonGroupInput,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useRecordContext,
} from 'react-admin';

import { useAssuranceGate, type AssuranceGate } from '../approvals/useAssuranceGate';
import { useNotifyError } from '../common/useApiErrors';
import { USER_STATUS_CHOICES } from '../i18n/choices';
import { UserAssurancePrompt } from './UserAssurancePrompt';

const text = (value: string | undefined) => (value ?? '').trim();

// Only what PUT /api/users/:id accepts; memberships change from each client's Users tab.
const toUpdateBody = (
  { firstName, lastName, email: address, status }: Partial<UserResponse>,
  approvalId: number | undefined,
) => ({
  firstName: text(firstName),
  lastName: text(lastName),
  email: text(address),
  status,
  approvalId,
});

// Users are removed from clients, not deleted: the toolbar has no delete button.
const UserEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** A new email may need a verified caller or an approval: the form keeps its input and offers them. */
const EmailChangePrompt = ({ gate }: { gate: AssuranceGate }) => {
  const user = useRecordContext<UserResponse>();
  return user ? <UserAssurancePrompt gate={gate} user={user} /> : null;
};

/**
 * The user's own details, shared by all their clients. Pessimistic, so the api's refusals (an
 * email another user already has) reach the form. Users are only ever created from a client.
 */
export const UserEdit = () => {
  const gate = useAssuranceGate();
  const notifyError = useNotifyError();
  const onError = (error: unknown) => {
    if (gate.refuse(error)) return;
    // Refusals per field show under their inputs, as react-admin does when it handles the error.
    if (error instanceof HttpError && error.body?.errors) return;
    notifyError(error);
  };
  return (
    <Edit<UserResponse>
      mutationMode="pessimistic"
      transform={(data) => toUpdateBody(data, gate.takeApprovalId())}
      mutationOptions={{ onError }}
      redirect="show"
    >
      <SimpleForm toolbar={<UserEditToolbar />} sx={{ maxWidth: 640 }}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ sm: 2 }} sx={{ width: '100%' }}>
          <TextInput source="firstName" autoComplete="off" validate={required()} />
          <TextInput source="lastName" autoComplete="off" validate={required()} />
        </Stack>
        <TextInput source="email" type="email" autoComplete="off" validate={[required(), email()]} />
        <RadioButtonGroupInput
          source="status"
          choices={USER_STATUS_CHOICES}
          validate={required()}
          helperText="keydesk.users.status_help"
        />
        <EmailChangePrompt gate={gate} />
      </SimpleForm>
    </Edit>
  );
};
