import { Alert } from '@mui/material';
import type { RoleResponse } from '@keydesk/domain';
import {
  DeleteButton,
  EditButton,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { PermissionsField, RoleKindField } from './RoleFields';

const RoleShowActions = () => {
  const record = useRecordContext<RoleResponse>();
  if (!record || record.builtIn) return <TopToolbar />;
  return (
    <TopToolbar>
      <EditButton />
      {/* Pessimistic, so the api's refusal of a role still in use is shown and nothing disappears. */}
      <DeleteButton mutationMode="pessimistic" />
    </TopToolbar>
  );
};

const BuiltInRoleNotice = () => {
  const record = useRecordContext<RoleResponse>();
  const translate = useTranslate();
  if (!record?.builtIn) return null;
  return (
    <Alert severity="info" sx={{ m: 2, mb: 0 }}>
      {translate('keydesk.roles.built_in_notice')}
    </Alert>
  );
};

export const RoleShow = () => (
  <Show actions={<RoleShowActions />}>
    <BuiltInRoleNotice />
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="description" />
      <RoleKindField label="resources.roles.fields.builtIn" />
      <PermissionsField label="resources.roles.fields.permissions" />
      <NumberField source="staffCount" />
    </SimpleShowLayout>
  </Show>
);
