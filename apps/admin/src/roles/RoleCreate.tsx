import type { RoleResponse } from '@keydesk/domain';
import { Create, SimpleForm } from 'react-admin';

import { RoleInputs, toRoleBody } from './RoleInputs';

export const RoleCreate = () => (
  <Create<RoleResponse> transform={toRoleBody} redirect="show">
    <SimpleForm defaultValues={{ description: '', permissions: [] }} sx={{ maxWidth: 640 }}>
      <RoleInputs />
    </SimpleForm>
  </Create>
);
