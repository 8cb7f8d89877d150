import type { StaffResponse } from '@keydesk/domain';
import { Create, SimpleForm } from 'react-admin';

import { StaffInputs } from './StaffInputs';

type StaffCreateForm = Pick<StaffResponse, 'username' | 'email' | 'displayName' | 'roleIds'> & { password: string };

// Only what POST /api/staff accepts; the api refuses unknown fields.
const toCreateBody = ({ username, email, displayName, password, roleIds }: StaffCreateForm) => ({
  username: username.trim(),
  email: email.trim(),
  displayName: displayName.trim(),
  password,
  roleIds: roleIds ?? [],
});

export const StaffCreate = () => (
  <Create<StaffCreateForm & { id: number }> transform={toCreateBody} redirect="list">
    <SimpleForm defaultValues={{ roleIds: [] }} sx={{ maxWidth: 640 }}>
      <StaffInputs isNew />
    </SimpleForm>
  </Create>
);
