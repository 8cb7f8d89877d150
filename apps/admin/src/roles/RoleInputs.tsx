import type { RoleResponse } from '@keydesk/domain';
import { CheckboxGroupInput, required, TextInput } from 'react-admin';

import { PERMISSION_CHOICES } from '../i18n/choices';

/**
 * Only what POST and PUT /api/roles accept; `builtIn` and `staffCount` are the api's to say, and
 * it refuses unknown fields.
 */
export function toRoleBody({ name, description, permissions }: Partial<RoleResponse>) {
  return {
    name: (name ?? '').trim(),
    description: (description ?? '').trim(),
    permissions: permissions ?? [],
  };
}

/** The inputs of a custom role, shared by Create and Edit. */
export const RoleInputs = () => (
  <>
    <TextInput source="name" autoComplete="off" validate={required()} />
    <TextInput source="description" multiline minRows={2} />
    <CheckboxGroupInput
      source="permissions"
      choices={PERMISSION_CHOICES}
      row={false}
      helperText="keydesk.roles.permissions_help"
    />
  </>
);
