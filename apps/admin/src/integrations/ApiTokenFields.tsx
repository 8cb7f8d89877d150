import { Chip, Stack, Typography } from '@mui/material';
import type { ApiTokenResponse } from '@keydesk/domain';
import { useRecordContext, useTranslate } from 'react-admin';

import { RelativeDate } from '../common/RelativeDateField';
import { permissionLabelKey } from '../i18n/choices';
import { apiTokenStatus, type ApiTokenStatus } from './api-token-status';

const PREFIX = 'keydesk.integrations.api_tokens';

const STATUS_COLORS: Record<ApiTokenStatus, 'success' | 'default' | 'error'> = {
  active: 'success',
  expired: 'default',
  revoked: 'error',
};

/** Active, expired or revoked, and since when it was revoked: the first thing to check when an integration gets 401. */
export const ApiTokenStatusField = (_props: { label?: string }) => {
  const token = useRecordContext<ApiTokenResponse>();
  const translate = useTranslate();
  if (!token) return null;
  const status = apiTokenStatus(token);
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Chip size="small" color={STATUS_COLORS[status]} label={translate(`${PREFIX}.status.${status}`)} />
      {token.revokedAt && <RelativeDate value={token.revokedAt} emptyText={`${PREFIX}.never_used`} />}
    </Stack>
  );
};

/** What the token may do, by the same names as a role's permissions. */
export const ApiTokenPermissionsField = (_props: { label?: string }) => {
  const token = useRecordContext<ApiTokenResponse>();
  const translate = useTranslate();
  if (!token) return null;
  return (
    <Stack component="ul" direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', p: 0, m: 0 }}>
      {token.permissions.map((permission) => (
        <Chip component="li" key={permission} size="small" label={translate(permissionLabelKey(permission))} />
      ))}
    </Stack>
  );
};

/** The first characters of the token, to match it with the one a program holds. */
export const ApiTokenPrefixField = (_props: { label?: string }) => {
  const token = useRecordContext<ApiTokenResponse>();
  if (!token) return null;
  return (
    <Typography component="code" variant="body2" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
      {`${token.prefix}…`}
    </Typography>
  );
};
