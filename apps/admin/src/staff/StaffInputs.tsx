import { lazy, Suspense } from 'react';
import {
  CheckboxGroupInput,
  email,
  Labeled,
  RadioButtonGroupInput,
  ReferenceArrayInput,
  required,
  TextField,
  TextInput,
} from 'react-admin';

import { STAFF_STATUS_CHOICES } from '../i18n/choices';

// The password policy carries a list of common passwords; only this form and the password
// dialog need it, so it loads with them instead of with the whole admin.
const PasswordPolicyInput = lazy(() =>
  import('./PasswordPolicyInput').then((module) => ({ default: module.PasswordPolicyInput })),
);

/** The inputs of a staff member, shared by Create (with a first password) and Edit (with a status). */
export const StaffInputs = ({ isNew }: { isNew: boolean }) => (
  <>
    {isNew ? (
      <TextInput source="username" autoComplete="off" validate={required()} helperText="keydesk.staff.username_help" />
    ) : (
      // Shown as text, not as a greyed-out input: it cannot change, and grey text is hard to read.
      <Labeled>
        <TextField source="username" />
      </Labeled>
    )}
    <TextInput source="displayName" autoComplete="off" validate={required()} />
    <TextInput source="email" type="email" autoComplete="off" validate={[required(), email()]} />
    {isNew ? (
      <Suspense>
        <PasswordPolicyInput />
      </Suspense>
    ) : (
      <RadioButtonGroupInput
        source="status"
        choices={STAFF_STATUS_CHOICES}
        validate={required()}
        helperText="keydesk.staff.status_help"
      />
    )}
    <ReferenceArrayInput source="roleIds" reference="roles" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
      {/* Inside the reference the resource is "roles", so the label would not be the staff field's. */}
      <CheckboxGroupInput
        optionText="name"
        label="resources.staff.fields.roleIds"
        helperText="keydesk.staff.roles_help"
      />
    </ReferenceArrayInput>
  </>
);
