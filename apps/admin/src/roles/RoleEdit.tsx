import type { RoleResponse } from '@keydesk/domain';
import { useEffect } from 'react';
import { DeleteButton, Edit, SaveButton, SimpleForm, Toolbar, useRecordContext, useRedirect } from 'react-admin';

import { RoleInputs, toRoleBody } from './RoleInputs';

/** A built-in role reached by its edit address (a bookmark, say) opens read-only instead. */
const BuiltInRoleRedirect = () => {
  const record = useRecordContext<RoleResponse>();
  const redirect = useRedirect();
  useEffect(() => {
    if (record?.builtIn) redirect('show', 'roles', record.id, undefined, { _scrollToTop: false });
  }, [record, redirect]);
  return null;
};

const RoleEditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    {/* Pessimistic, so the api's refusal of a role still in use is shown and nothing disappears. */}
    <DeleteButton mutationMode="pessimistic" />
  </Toolbar>
);

/** Pessimistic, so the api's per-field refusals (a name already taken) reach the form. */
export const RoleEdit = () => (
  <Edit<RoleResponse> mutationMode="pessimistic" transform={toRoleBody} redirect="show">
    <BuiltInRoleRedirect />
    <SimpleForm toolbar={<RoleEditToolbar />} sx={{ maxWidth: 640 }}>
      <RoleInputs />
    </SimpleForm>
  </Edit>
);
