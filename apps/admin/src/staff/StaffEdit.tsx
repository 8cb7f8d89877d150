import type { StaffResponse } from '@keydesk/domain';
import { Edit, SaveButton, SimpleForm, Toolbar, TopToolbar } from 'react-admin';

import { StaffInputs } from './StaffInputs';
import { StaffPasswordButton } from './StaffPasswordButton';
import { StaffResetFactorsButton } from './StaffResetFactorsButton';

// Only what PUT /api/staff/:id accepts: the user name never changes after creation.
const toUpdateBody = ({ email, displayName, status, roleIds }: StaffResponse) => ({
  email: email.trim(),
  displayName: displayName.trim(),
  status,
  roleIds: roleIds ?? [],
});

const StaffEditActions = () => (
  <TopToolbar>
    <StaffPasswordButton />
    <StaffResetFactorsButton />
  </TopToolbar>
);

// Staff members are disabled, never deleted, so the toolbar has no delete button.
const StaffEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Pessimistic, so the api's refusals (the last administrator, one's own account) reach the form. */
export const StaffEdit = () => (
  <Edit<StaffResponse>
    mutationMode="pessimistic"
    transform={toUpdateBody}
    actions={<StaffEditActions />}
    redirect="list"
  >
    <SimpleForm toolbar={<StaffEditToolbar />} sx={{ maxWidth: 640 }}>
      <StaffInputs isNew={false} />
    </SimpleForm>
  </Edit>
);
