import LockIcon from '@mui/icons-material/Lock';
import { Chip, Stack, Typography } from '@mui/material';
import type { RoleResponse } from '@keydesk/domain';
import { useRecordContext, useTranslate } from 'react-admin';

import { permissionLabelKey } from '../i18n/choices';

/** The fields take `label` only so that show layouts can read it; they render no label themselves. */
interface RoleFieldProps {
  label?: string;
}

/** Built-in or custom: tells at a glance which roles can be changed. */
export const RoleKindField = (_props: RoleFieldProps) => {
  const record = useRecordContext<RoleResponse>();
  const translate = useTranslate();
  if (!record) return null;
  return record.builtIn ? (
    <Chip size="small" icon={<LockIcon />} label={translate('keydesk.roles.built_in')} />
  ) : (
    <Chip size="small" variant="outlined" label={translate('keydesk.roles.custom')} />
  );
};

export const PermissionCountField = (_props: RoleFieldProps) => {
  const record = useRecordContext<RoleResponse>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2">
      {translate('keydesk.roles.permission_count', { smart_count: record.permissions.length })}
    </Typography>
  );
};

/** Every permission of the role by its translated name, in catalogue order. */
export const PermissionsField = (_props: RoleFieldProps) => {
  const record = useRecordContext<RoleResponse>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack component="ul" direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', p: 0, m: 0 }}>
      {record.permissions.map((permission) => (
        <Chip component="li" key={permission} size="small" label={translate(permissionLabelKey(permission))} />
      ))}
    </Stack>
  );
};
