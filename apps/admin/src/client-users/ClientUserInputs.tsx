import { Stack } from '@mui/material';
import { ALL_CLIENT_USER_PERMISSIONS, type ClientUserPermission, type ClientUserResponse } from '@keydesk/domain';
import { BooleanInput, CheckboxGroupInput, email, required, TextInput } from 'react-admin';

import { CLIENT_USER_PERMISSION_CHOICES } from '../i18n/choices';

export interface AssociateUserForm {
  email: string;
  firstName: string;
  lastName: string;
  username: string;
  owner: boolean;
  permissions: ClientUserPermission[];
}

/**
 * The user name people type with the client key to sign in is usually `admin` (the XPD procedure
 * asks for "Usuario (admin)"), so it is offered while no user of the client has it.
 */
export function associateDefaults(users: readonly ClientUserResponse[]): AssociateUserForm {
  const adminTaken = users.some((user) => user.username.toLowerCase() === 'admin');
  return {
    email: '',
    firstName: '',
    lastName: '',
    username: adminTaken ? '' : 'admin',
    // The first user of a client owns it; the api needs an owner as soon as there is a user.
    owner: users.length === 0,
    permissions: [...ALL_CLIENT_USER_PERMISSIONS],
  };
}

/** Only what POST /api/clients/:id/users accepts; the api refuses unknown fields. */
export function toAssociateBody(values: AssociateUserForm) {
  return {
    email: values.email.trim(),
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    username: values.username.trim(),
    owner: values.owner,
    permissions: values.permissions ?? [],
  };
}

/** The inputs of the Associate user dialog; labels are those of the Users tab's fields. */
export const ClientUserInputs = () => (
  <>
    <TextInput
      source="email"
      type="email"
      autoComplete="off"
      validate={[required(), email()]}
      helperText="keydesk.client_users.email_help"
      autoFocus
    />
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ sm: 2 }} sx={{ width: '100%' }}>
      <TextInput source="firstName" autoComplete="off" validate={required()} />
      <TextInput source="lastName" autoComplete="off" validate={required()} />
    </Stack>
    <TextInput
      source="username"
      autoComplete="off"
      validate={required()}
      helperText="keydesk.client_users.username_help"
    />
    <BooleanInput source="owner" helperText="keydesk.client_users.owner_help" />
    <CheckboxGroupInput
      source="permissions"
      choices={CLIENT_USER_PERMISSION_CHOICES}
      row={false}
      helperText="keydesk.client_users.permissions_help"
    />
  </>
);
