import { Stack } from '@mui/material';
import type { UserResponse } from '@keydesk/domain';
import { Edit, email, RadioButtonGroupInput, required, SaveButton, SimpleForm, TextInput, Toolbar } from 'react-admin';

import { USER_STATUS_CHOICES } from '../i18n/choices';

const text = (value: string | undefined) => (value ?? '').trim();

// Only what PUT /api/users/:id accepts; memberships change from each client's Users tab.
const toUpdateBody = ({ firstName, lastName, email: address, status }: Partial<UserResponse>) => ({
  firstName: text(firstName),
  lastName: text(lastName),
  email: text(address),
  status,
});

// Users are removed from clients, not deleted: the toolbar has no delete button.
const UserEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/**
 * The user's own details, shared by all their clients. Pessimistic, so the api's refusals (an
 * email another user already has) reach the form. Users are only ever created from a client.
 */
export const UserEdit = () => (
  <Edit<UserResponse> mutationMode="pessimistic" transform={toUpdateBody} redirect="show">
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
    </SimpleForm>
  </Edit>
);
